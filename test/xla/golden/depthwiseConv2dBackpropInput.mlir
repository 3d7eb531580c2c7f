// depthwiseConv2dBackpropInput stride 2 same
module @lazytensor {
  func.func public @main(%arg0: tensor<2x4x3x12xf32>, %arg1: tensor<3x3x3x4xf32>) -> (tensor<2x7x6x3xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 2, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 1, 1, 0>} : (tensor<2x4x3x12xf32>, tensor<f32>) -> tensor<2x9x8x12xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 2, 7, 6, 12>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x8x12xf32>) -> tensor<2x7x6x12xf32>
    %3 = "stablehlo.reshape"(%2) : (tensor<2x7x6x12xf32>) -> tensor<2x7x6x3x4xf32>
    %4 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 2, 0, 0>, limit_indices = array<i64: 3, 3, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %5 = "stablehlo.reshape"(%4) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %6 = "stablehlo.broadcast_in_dim"(%5) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %7 = "stablehlo.multiply"(%3, %6) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %8 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 2, 7, 7, 12>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x8x12xf32>) -> tensor<2x7x6x12xf32>
    %9 = "stablehlo.reshape"(%8) : (tensor<2x7x6x12xf32>) -> tensor<2x7x6x3x4xf32>
    %10 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 1, 0, 0>, limit_indices = array<i64: 3, 2, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %11 = "stablehlo.reshape"(%10) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %12 = "stablehlo.broadcast_in_dim"(%11) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %13 = "stablehlo.multiply"(%9, %12) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %14 = "stablehlo.add"(%7, %13) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %15 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 2, 7, 8, 12>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x8x12xf32>) -> tensor<2x7x6x12xf32>
    %16 = "stablehlo.reshape"(%15) : (tensor<2x7x6x12xf32>) -> tensor<2x7x6x3x4xf32>
    %17 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 0, 0, 0>, limit_indices = array<i64: 3, 1, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %18 = "stablehlo.reshape"(%17) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %19 = "stablehlo.broadcast_in_dim"(%18) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %20 = "stablehlo.multiply"(%16, %19) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %21 = "stablehlo.add"(%14, %20) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %22 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 2, 8, 6, 12>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x8x12xf32>) -> tensor<2x7x6x12xf32>
    %23 = "stablehlo.reshape"(%22) : (tensor<2x7x6x12xf32>) -> tensor<2x7x6x3x4xf32>
    %24 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 2, 0, 0>, limit_indices = array<i64: 2, 3, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %25 = "stablehlo.reshape"(%24) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %26 = "stablehlo.broadcast_in_dim"(%25) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %27 = "stablehlo.multiply"(%23, %26) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %28 = "stablehlo.add"(%21, %27) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %29 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 2, 8, 7, 12>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x8x12xf32>) -> tensor<2x7x6x12xf32>
    %30 = "stablehlo.reshape"(%29) : (tensor<2x7x6x12xf32>) -> tensor<2x7x6x3x4xf32>
    %31 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 1, 0, 0>, limit_indices = array<i64: 2, 2, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %32 = "stablehlo.reshape"(%31) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %33 = "stablehlo.broadcast_in_dim"(%32) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %34 = "stablehlo.multiply"(%30, %33) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %35 = "stablehlo.add"(%28, %34) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %36 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 2, 8, 8, 12>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x8x12xf32>) -> tensor<2x7x6x12xf32>
    %37 = "stablehlo.reshape"(%36) : (tensor<2x7x6x12xf32>) -> tensor<2x7x6x3x4xf32>
    %38 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 0, 0, 0>, limit_indices = array<i64: 2, 1, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %39 = "stablehlo.reshape"(%38) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %40 = "stablehlo.broadcast_in_dim"(%39) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %41 = "stablehlo.multiply"(%37, %40) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %42 = "stablehlo.add"(%35, %41) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %43 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 2, 9, 6, 12>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x8x12xf32>) -> tensor<2x7x6x12xf32>
    %44 = "stablehlo.reshape"(%43) : (tensor<2x7x6x12xf32>) -> tensor<2x7x6x3x4xf32>
    %45 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 3, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %46 = "stablehlo.reshape"(%45) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %47 = "stablehlo.broadcast_in_dim"(%46) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %48 = "stablehlo.multiply"(%44, %47) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %49 = "stablehlo.add"(%42, %48) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %50 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 1, 0>, limit_indices = array<i64: 2, 9, 7, 12>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x8x12xf32>) -> tensor<2x7x6x12xf32>
    %51 = "stablehlo.reshape"(%50) : (tensor<2x7x6x12xf32>) -> tensor<2x7x6x3x4xf32>
    %52 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 2, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %53 = "stablehlo.reshape"(%52) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %54 = "stablehlo.broadcast_in_dim"(%53) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %55 = "stablehlo.multiply"(%51, %54) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %56 = "stablehlo.add"(%49, %55) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %57 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 2, 0>, limit_indices = array<i64: 2, 9, 8, 12>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x8x12xf32>) -> tensor<2x7x6x12xf32>
    %58 = "stablehlo.reshape"(%57) : (tensor<2x7x6x12xf32>) -> tensor<2x7x6x3x4xf32>
    %59 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 1, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %60 = "stablehlo.reshape"(%59) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %61 = "stablehlo.broadcast_in_dim"(%60) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %62 = "stablehlo.multiply"(%58, %61) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %63 = "stablehlo.add"(%56, %62) : (tensor<2x7x6x3x4xf32>, tensor<2x7x6x3x4xf32>) -> tensor<2x7x6x3x4xf32>
    %67 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %68 = "stablehlo.reduce"(%63, %67) ({
    ^bb0(%64: tensor<f32>, %65: tensor<f32>):
      %66 = "stablehlo.add"(%64, %65) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%66) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 4>} : (tensor<2x7x6x3x4xf32>, tensor<f32>) -> tensor<2x7x6x3xf32>
    "func.return"(%68) : (tensor<2x7x6x3xf32>) -> ()
  }
}

// depthwiseConv2dBackpropInput dilation 2 valid
module @lazytensor {
  func.func public @main(%arg0: tensor<1x3x5x6xf32>, %arg1: tensor<3x2x2x3xf32>) -> (tensor<1x7x7x2xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 4, 2, 0>, edge_padding_high = array<i64: 0, 4, 2, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x3x5x6xf32>, tensor<f32>) -> tensor<1x11x9x6xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 7, 7, 6>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x11x9x6xf32>) -> tensor<1x7x7x6xf32>
    %3 = "stablehlo.reshape"(%2) : (tensor<1x7x7x6xf32>) -> tensor<1x7x7x2x3xf32>
    %4 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 1, 0, 0>, limit_indices = array<i64: 3, 2, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %5 = "stablehlo.reshape"(%4) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %6 = "stablehlo.broadcast_in_dim"(%5) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %7 = "stablehlo.multiply"(%3, %6) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %8 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 7, 9, 6>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x11x9x6xf32>) -> tensor<1x7x7x6xf32>
    %9 = "stablehlo.reshape"(%8) : (tensor<1x7x7x6xf32>) -> tensor<1x7x7x2x3xf32>
    %10 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 0, 0, 0>, limit_indices = array<i64: 3, 1, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %11 = "stablehlo.reshape"(%10) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %12 = "stablehlo.broadcast_in_dim"(%11) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %13 = "stablehlo.multiply"(%9, %12) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %14 = "stablehlo.add"(%7, %13) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %15 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 9, 7, 6>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x11x9x6xf32>) -> tensor<1x7x7x6xf32>
    %16 = "stablehlo.reshape"(%15) : (tensor<1x7x7x6xf32>) -> tensor<1x7x7x2x3xf32>
    %17 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 1, 0, 0>, limit_indices = array<i64: 2, 2, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %18 = "stablehlo.reshape"(%17) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %19 = "stablehlo.broadcast_in_dim"(%18) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %20 = "stablehlo.multiply"(%16, %19) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %21 = "stablehlo.add"(%14, %20) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %22 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 2, 0>, limit_indices = array<i64: 1, 9, 9, 6>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x11x9x6xf32>) -> tensor<1x7x7x6xf32>
    %23 = "stablehlo.reshape"(%22) : (tensor<1x7x7x6xf32>) -> tensor<1x7x7x2x3xf32>
    %24 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 0, 0, 0>, limit_indices = array<i64: 2, 1, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %25 = "stablehlo.reshape"(%24) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %26 = "stablehlo.broadcast_in_dim"(%25) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %27 = "stablehlo.multiply"(%23, %26) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %28 = "stablehlo.add"(%21, %27) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %29 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 4, 0, 0>, limit_indices = array<i64: 1, 11, 7, 6>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x11x9x6xf32>) -> tensor<1x7x7x6xf32>
    %30 = "stablehlo.reshape"(%29) : (tensor<1x7x7x6xf32>) -> tensor<1x7x7x2x3xf32>
    %31 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 2, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %32 = "stablehlo.reshape"(%31) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %33 = "stablehlo.broadcast_in_dim"(%32) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %34 = "stablehlo.multiply"(%30, %33) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %35 = "stablehlo.add"(%28, %34) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %36 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 4, 2, 0>, limit_indices = array<i64: 1, 11, 9, 6>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x11x9x6xf32>) -> tensor<1x7x7x6xf32>
    %37 = "stablehlo.reshape"(%36) : (tensor<1x7x7x6xf32>) -> tensor<1x7x7x2x3xf32>
    %38 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 1, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %39 = "stablehlo.reshape"(%38) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %40 = "stablehlo.broadcast_in_dim"(%39) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %41 = "stablehlo.multiply"(%37, %40) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %42 = "stablehlo.add"(%35, %41) : (tensor<1x7x7x2x3xf32>, tensor<1x7x7x2x3xf32>) -> tensor<1x7x7x2x3xf32>
    %46 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %47 = "stablehlo.reduce"(%42, %46) ({
    ^bb0(%43: tensor<f32>, %44: tensor<f32>):
      %45 = "stablehlo.add"(%43, %44) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%45) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 4>} : (tensor<1x7x7x2x3xf32>, tensor<f32>) -> tensor<1x7x7x2xf32>
    "func.return"(%47) : (tensor<1x7x7x2xf32>) -> ()
  }
}

// depthwiseConv2dBackpropInput explicit padding
module @lazytensor {
  func.func public @main(%arg0: tensor<1x3x7x4xf32>, %arg1: tensor<2x3x2x2xf32>) -> (tensor<1x5x6x2xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 1, 0, 0>} : (tensor<1x3x7x4xf32>, tensor<f32>) -> tensor<1x6x8x4xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 5, 6, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x6x8x4xf32>) -> tensor<1x5x6x4xf32>
    %3 = "stablehlo.reshape"(%2) : (tensor<1x5x6x4xf32>) -> tensor<1x5x6x2x2xf32>
    %4 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 2, 0, 0>, limit_indices = array<i64: 2, 3, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %5 = "stablehlo.reshape"(%4) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %6 = "stablehlo.broadcast_in_dim"(%5) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %7 = "stablehlo.multiply"(%3, %6) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %8 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 5, 7, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x6x8x4xf32>) -> tensor<1x5x6x4xf32>
    %9 = "stablehlo.reshape"(%8) : (tensor<1x5x6x4xf32>) -> tensor<1x5x6x2x2xf32>
    %10 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 1, 0, 0>, limit_indices = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %11 = "stablehlo.reshape"(%10) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %12 = "stablehlo.broadcast_in_dim"(%11) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %13 = "stablehlo.multiply"(%9, %12) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %14 = "stablehlo.add"(%7, %13) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %15 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 5, 8, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x6x8x4xf32>) -> tensor<1x5x6x4xf32>
    %16 = "stablehlo.reshape"(%15) : (tensor<1x5x6x4xf32>) -> tensor<1x5x6x2x2xf32>
    %17 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 0, 0, 0>, limit_indices = array<i64: 2, 1, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %18 = "stablehlo.reshape"(%17) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %19 = "stablehlo.broadcast_in_dim"(%18) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %20 = "stablehlo.multiply"(%16, %19) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %21 = "stablehlo.add"(%14, %20) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %22 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 6, 6, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x6x8x4xf32>) -> tensor<1x5x6x4xf32>
    %23 = "stablehlo.reshape"(%22) : (tensor<1x5x6x4xf32>) -> tensor<1x5x6x2x2xf32>
    %24 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 3, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %25 = "stablehlo.reshape"(%24) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %26 = "stablehlo.broadcast_in_dim"(%25) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %27 = "stablehlo.multiply"(%23, %26) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %28 = "stablehlo.add"(%21, %27) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %29 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 6, 7, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x6x8x4xf32>) -> tensor<1x5x6x4xf32>
    %30 = "stablehlo.reshape"(%29) : (tensor<1x5x6x4xf32>) -> tensor<1x5x6x2x2xf32>
    %31 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 2, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %32 = "stablehlo.reshape"(%31) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %33 = "stablehlo.broadcast_in_dim"(%32) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %34 = "stablehlo.multiply"(%30, %33) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %35 = "stablehlo.add"(%28, %34) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %36 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 1, 6, 8, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x6x8x4xf32>) -> tensor<1x5x6x4xf32>
    %37 = "stablehlo.reshape"(%36) : (tensor<1x5x6x4xf32>) -> tensor<1x5x6x2x2xf32>
    %38 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 1, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %39 = "stablehlo.reshape"(%38) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %40 = "stablehlo.broadcast_in_dim"(%39) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %41 = "stablehlo.multiply"(%37, %40) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %42 = "stablehlo.add"(%35, %41) : (tensor<1x5x6x2x2xf32>, tensor<1x5x6x2x2xf32>) -> tensor<1x5x6x2x2xf32>
    %46 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %47 = "stablehlo.reduce"(%42, %46) ({
    ^bb0(%43: tensor<f32>, %44: tensor<f32>):
      %45 = "stablehlo.add"(%43, %44) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%45) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 4>} : (tensor<1x5x6x2x2xf32>, tensor<f32>) -> tensor<1x5x6x2xf32>
    "func.return"(%47) : (tensor<1x5x6x2xf32>) -> ()
  }
}

// depthwiseConv2dBackpropInput 3x3 stride 1 same, 8 channels (the interpreter's Winograd path)
module @lazytensor {
  func.func public @main(%arg0: tensor<1x6x5x64xf32>, %arg1: tensor<3x3x8x8xf32>) -> (tensor<1x6x5x8xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 1, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x6x5x64xf32>, tensor<f32>) -> tensor<1x8x7x64xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 6, 5, 64>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x64xf32>) -> tensor<1x6x5x64xf32>
    %3 = "stablehlo.reshape"(%2) : (tensor<1x6x5x64xf32>) -> tensor<1x6x5x8x8xf32>
    %4 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 2, 0, 0>, limit_indices = array<i64: 3, 3, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %5 = "stablehlo.reshape"(%4) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %6 = "stablehlo.broadcast_in_dim"(%5) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %7 = "stablehlo.multiply"(%3, %6) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %8 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 6, 6, 64>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x64xf32>) -> tensor<1x6x5x64xf32>
    %9 = "stablehlo.reshape"(%8) : (tensor<1x6x5x64xf32>) -> tensor<1x6x5x8x8xf32>
    %10 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 1, 0, 0>, limit_indices = array<i64: 3, 2, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %11 = "stablehlo.reshape"(%10) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %12 = "stablehlo.broadcast_in_dim"(%11) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %13 = "stablehlo.multiply"(%9, %12) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %14 = "stablehlo.add"(%7, %13) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %15 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 6, 7, 64>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x64xf32>) -> tensor<1x6x5x64xf32>
    %16 = "stablehlo.reshape"(%15) : (tensor<1x6x5x64xf32>) -> tensor<1x6x5x8x8xf32>
    %17 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 0, 0, 0>, limit_indices = array<i64: 3, 1, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %18 = "stablehlo.reshape"(%17) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %19 = "stablehlo.broadcast_in_dim"(%18) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %20 = "stablehlo.multiply"(%16, %19) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %21 = "stablehlo.add"(%14, %20) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %22 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 7, 5, 64>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x64xf32>) -> tensor<1x6x5x64xf32>
    %23 = "stablehlo.reshape"(%22) : (tensor<1x6x5x64xf32>) -> tensor<1x6x5x8x8xf32>
    %24 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 2, 0, 0>, limit_indices = array<i64: 2, 3, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %25 = "stablehlo.reshape"(%24) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %26 = "stablehlo.broadcast_in_dim"(%25) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %27 = "stablehlo.multiply"(%23, %26) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %28 = "stablehlo.add"(%21, %27) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %29 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 7, 6, 64>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x64xf32>) -> tensor<1x6x5x64xf32>
    %30 = "stablehlo.reshape"(%29) : (tensor<1x6x5x64xf32>) -> tensor<1x6x5x8x8xf32>
    %31 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 1, 0, 0>, limit_indices = array<i64: 2, 2, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %32 = "stablehlo.reshape"(%31) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %33 = "stablehlo.broadcast_in_dim"(%32) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %34 = "stablehlo.multiply"(%30, %33) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %35 = "stablehlo.add"(%28, %34) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %36 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 1, 7, 7, 64>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x64xf32>) -> tensor<1x6x5x64xf32>
    %37 = "stablehlo.reshape"(%36) : (tensor<1x6x5x64xf32>) -> tensor<1x6x5x8x8xf32>
    %38 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 0, 0, 0>, limit_indices = array<i64: 2, 1, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %39 = "stablehlo.reshape"(%38) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %40 = "stablehlo.broadcast_in_dim"(%39) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %41 = "stablehlo.multiply"(%37, %40) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %42 = "stablehlo.add"(%35, %41) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %43 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 8, 5, 64>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x64xf32>) -> tensor<1x6x5x64xf32>
    %44 = "stablehlo.reshape"(%43) : (tensor<1x6x5x64xf32>) -> tensor<1x6x5x8x8xf32>
    %45 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 3, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %46 = "stablehlo.reshape"(%45) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %47 = "stablehlo.broadcast_in_dim"(%46) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %48 = "stablehlo.multiply"(%44, %47) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %49 = "stablehlo.add"(%42, %48) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %50 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 1, 0>, limit_indices = array<i64: 1, 8, 6, 64>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x64xf32>) -> tensor<1x6x5x64xf32>
    %51 = "stablehlo.reshape"(%50) : (tensor<1x6x5x64xf32>) -> tensor<1x6x5x8x8xf32>
    %52 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 2, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %53 = "stablehlo.reshape"(%52) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %54 = "stablehlo.broadcast_in_dim"(%53) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %55 = "stablehlo.multiply"(%51, %54) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %56 = "stablehlo.add"(%49, %55) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %57 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 2, 0>, limit_indices = array<i64: 1, 8, 7, 64>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x64xf32>) -> tensor<1x6x5x64xf32>
    %58 = "stablehlo.reshape"(%57) : (tensor<1x6x5x64xf32>) -> tensor<1x6x5x8x8xf32>
    %59 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 1, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %60 = "stablehlo.reshape"(%59) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %61 = "stablehlo.broadcast_in_dim"(%60) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %62 = "stablehlo.multiply"(%58, %61) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %63 = "stablehlo.add"(%56, %62) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %67 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %68 = "stablehlo.reduce"(%63, %67) ({
    ^bb0(%64: tensor<f32>, %65: tensor<f32>):
      %66 = "stablehlo.add"(%64, %65) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%66) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 4>} : (tensor<1x6x5x8x8xf32>, tensor<f32>) -> tensor<1x6x5x8xf32>
    "func.return"(%68) : (tensor<1x6x5x8xf32>) -> ()
  }
}
