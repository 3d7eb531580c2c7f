// depthwiseConv2d stride 2 same
module @lazytensor {
  func.func public @main(%arg0: tensor<2x7x6x3xf32>, %arg1: tensor<3x3x3x4xf32>) -> (tensor<2x4x3x12xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<2x7x6x3xf32>, tensor<f32>) -> tensor<2x9x7x3xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 2, 7, 5, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %3 = "stablehlo.reshape"(%2) : (tensor<2x4x3x3xf32>) -> tensor<2x4x3x3x1xf32>
    %4 = "stablehlo.broadcast_in_dim"(%3) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<2x4x3x3x1xf32>) -> tensor<2x4x3x3x4xf32>
    %5 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 1, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %6 = "stablehlo.reshape"(%5) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %7 = "stablehlo.broadcast_in_dim"(%6) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %8 = "stablehlo.multiply"(%4, %7) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %9 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 2, 7, 6, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %10 = "stablehlo.reshape"(%9) : (tensor<2x4x3x3xf32>) -> tensor<2x4x3x3x1xf32>
    %11 = "stablehlo.broadcast_in_dim"(%10) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<2x4x3x3x1xf32>) -> tensor<2x4x3x3x4xf32>
    %12 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 2, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %13 = "stablehlo.reshape"(%12) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %14 = "stablehlo.broadcast_in_dim"(%13) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %15 = "stablehlo.multiply"(%11, %14) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %16 = "stablehlo.add"(%8, %15) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %17 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 2, 7, 7, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %18 = "stablehlo.reshape"(%17) : (tensor<2x4x3x3xf32>) -> tensor<2x4x3x3x1xf32>
    %19 = "stablehlo.broadcast_in_dim"(%18) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<2x4x3x3x1xf32>) -> tensor<2x4x3x3x4xf32>
    %20 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 3, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %21 = "stablehlo.reshape"(%20) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %22 = "stablehlo.broadcast_in_dim"(%21) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %23 = "stablehlo.multiply"(%19, %22) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %24 = "stablehlo.add"(%16, %23) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %25 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 2, 8, 5, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %26 = "stablehlo.reshape"(%25) : (tensor<2x4x3x3xf32>) -> tensor<2x4x3x3x1xf32>
    %27 = "stablehlo.broadcast_in_dim"(%26) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<2x4x3x3x1xf32>) -> tensor<2x4x3x3x4xf32>
    %28 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 0, 0, 0>, limit_indices = array<i64: 2, 1, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %29 = "stablehlo.reshape"(%28) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %30 = "stablehlo.broadcast_in_dim"(%29) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %31 = "stablehlo.multiply"(%27, %30) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %32 = "stablehlo.add"(%24, %31) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %33 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 2, 8, 6, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %34 = "stablehlo.reshape"(%33) : (tensor<2x4x3x3xf32>) -> tensor<2x4x3x3x1xf32>
    %35 = "stablehlo.broadcast_in_dim"(%34) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<2x4x3x3x1xf32>) -> tensor<2x4x3x3x4xf32>
    %36 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 1, 0, 0>, limit_indices = array<i64: 2, 2, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %37 = "stablehlo.reshape"(%36) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %38 = "stablehlo.broadcast_in_dim"(%37) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %39 = "stablehlo.multiply"(%35, %38) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %40 = "stablehlo.add"(%32, %39) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %41 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 2, 8, 7, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %42 = "stablehlo.reshape"(%41) : (tensor<2x4x3x3xf32>) -> tensor<2x4x3x3x1xf32>
    %43 = "stablehlo.broadcast_in_dim"(%42) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<2x4x3x3x1xf32>) -> tensor<2x4x3x3x4xf32>
    %44 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 2, 0, 0>, limit_indices = array<i64: 2, 3, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %45 = "stablehlo.reshape"(%44) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %46 = "stablehlo.broadcast_in_dim"(%45) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %47 = "stablehlo.multiply"(%43, %46) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %48 = "stablehlo.add"(%40, %47) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %49 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 2, 9, 5, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %50 = "stablehlo.reshape"(%49) : (tensor<2x4x3x3xf32>) -> tensor<2x4x3x3x1xf32>
    %51 = "stablehlo.broadcast_in_dim"(%50) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<2x4x3x3x1xf32>) -> tensor<2x4x3x3x4xf32>
    %52 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 0, 0, 0>, limit_indices = array<i64: 3, 1, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %53 = "stablehlo.reshape"(%52) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %54 = "stablehlo.broadcast_in_dim"(%53) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %55 = "stablehlo.multiply"(%51, %54) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %56 = "stablehlo.add"(%48, %55) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %57 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 1, 0>, limit_indices = array<i64: 2, 9, 6, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %58 = "stablehlo.reshape"(%57) : (tensor<2x4x3x3xf32>) -> tensor<2x4x3x3x1xf32>
    %59 = "stablehlo.broadcast_in_dim"(%58) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<2x4x3x3x1xf32>) -> tensor<2x4x3x3x4xf32>
    %60 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 1, 0, 0>, limit_indices = array<i64: 3, 2, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %61 = "stablehlo.reshape"(%60) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %62 = "stablehlo.broadcast_in_dim"(%61) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %63 = "stablehlo.multiply"(%59, %62) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %64 = "stablehlo.add"(%56, %63) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %65 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 2, 0>, limit_indices = array<i64: 2, 9, 7, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %66 = "stablehlo.reshape"(%65) : (tensor<2x4x3x3xf32>) -> tensor<2x4x3x3x1xf32>
    %67 = "stablehlo.broadcast_in_dim"(%66) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<2x4x3x3x1xf32>) -> tensor<2x4x3x3x4xf32>
    %68 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 2, 0, 0>, limit_indices = array<i64: 3, 3, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x3x4xf32>) -> tensor<1x1x3x4xf32>
    %69 = "stablehlo.reshape"(%68) : (tensor<1x1x3x4xf32>) -> tensor<3x4xf32>
    %70 = "stablehlo.broadcast_in_dim"(%69) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %71 = "stablehlo.multiply"(%67, %70) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %72 = "stablehlo.add"(%64, %71) : (tensor<2x4x3x3x4xf32>, tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x3x4xf32>
    %73 = "stablehlo.reshape"(%72) : (tensor<2x4x3x3x4xf32>) -> tensor<2x4x3x12xf32>
    "func.return"(%73) : (tensor<2x4x3x12xf32>) -> ()
  }
}

// depthwiseConv2d dilation 2 valid
module @lazytensor {
  func.func public @main(%arg0: tensor<1x7x7x2xf32>, %arg1: tensor<3x2x2x3xf32>) -> (tensor<1x3x5x6xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x7x7x2xf32>, tensor<f32>) -> tensor<1x7x7x2xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 3, 5, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x7x7x2xf32>) -> tensor<1x3x5x2xf32>
    %3 = "stablehlo.reshape"(%2) : (tensor<1x3x5x2xf32>) -> tensor<1x3x5x2x1xf32>
    %4 = "stablehlo.broadcast_in_dim"(%3) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x5x2x1xf32>) -> tensor<1x3x5x2x3xf32>
    %5 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 1, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %6 = "stablehlo.reshape"(%5) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %7 = "stablehlo.broadcast_in_dim"(%6) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %8 = "stablehlo.multiply"(%4, %7) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %9 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 3, 7, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x7x7x2xf32>) -> tensor<1x3x5x2xf32>
    %10 = "stablehlo.reshape"(%9) : (tensor<1x3x5x2xf32>) -> tensor<1x3x5x2x1xf32>
    %11 = "stablehlo.broadcast_in_dim"(%10) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x5x2x1xf32>) -> tensor<1x3x5x2x3xf32>
    %12 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 2, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %13 = "stablehlo.reshape"(%12) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %14 = "stablehlo.broadcast_in_dim"(%13) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %15 = "stablehlo.multiply"(%11, %14) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %16 = "stablehlo.add"(%8, %15) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %17 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 5, 5, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x7x7x2xf32>) -> tensor<1x3x5x2xf32>
    %18 = "stablehlo.reshape"(%17) : (tensor<1x3x5x2xf32>) -> tensor<1x3x5x2x1xf32>
    %19 = "stablehlo.broadcast_in_dim"(%18) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x5x2x1xf32>) -> tensor<1x3x5x2x3xf32>
    %20 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 0, 0, 0>, limit_indices = array<i64: 2, 1, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %21 = "stablehlo.reshape"(%20) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %22 = "stablehlo.broadcast_in_dim"(%21) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %23 = "stablehlo.multiply"(%19, %22) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %24 = "stablehlo.add"(%16, %23) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %25 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 2, 0>, limit_indices = array<i64: 1, 5, 7, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x7x7x2xf32>) -> tensor<1x3x5x2xf32>
    %26 = "stablehlo.reshape"(%25) : (tensor<1x3x5x2xf32>) -> tensor<1x3x5x2x1xf32>
    %27 = "stablehlo.broadcast_in_dim"(%26) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x5x2x1xf32>) -> tensor<1x3x5x2x3xf32>
    %28 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 1, 0, 0>, limit_indices = array<i64: 2, 2, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %29 = "stablehlo.reshape"(%28) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %30 = "stablehlo.broadcast_in_dim"(%29) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %31 = "stablehlo.multiply"(%27, %30) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %32 = "stablehlo.add"(%24, %31) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %33 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 4, 0, 0>, limit_indices = array<i64: 1, 7, 5, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x7x7x2xf32>) -> tensor<1x3x5x2xf32>
    %34 = "stablehlo.reshape"(%33) : (tensor<1x3x5x2xf32>) -> tensor<1x3x5x2x1xf32>
    %35 = "stablehlo.broadcast_in_dim"(%34) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x5x2x1xf32>) -> tensor<1x3x5x2x3xf32>
    %36 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 0, 0, 0>, limit_indices = array<i64: 3, 1, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %37 = "stablehlo.reshape"(%36) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %38 = "stablehlo.broadcast_in_dim"(%37) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %39 = "stablehlo.multiply"(%35, %38) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %40 = "stablehlo.add"(%32, %39) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %41 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 4, 2, 0>, limit_indices = array<i64: 1, 7, 7, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x7x7x2xf32>) -> tensor<1x3x5x2xf32>
    %42 = "stablehlo.reshape"(%41) : (tensor<1x3x5x2xf32>) -> tensor<1x3x5x2x1xf32>
    %43 = "stablehlo.broadcast_in_dim"(%42) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x5x2x1xf32>) -> tensor<1x3x5x2x3xf32>
    %44 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 1, 0, 0>, limit_indices = array<i64: 3, 2, 2, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x2x2x3xf32>) -> tensor<1x1x2x3xf32>
    %45 = "stablehlo.reshape"(%44) : (tensor<1x1x2x3xf32>) -> tensor<2x3xf32>
    %46 = "stablehlo.broadcast_in_dim"(%45) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %47 = "stablehlo.multiply"(%43, %46) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %48 = "stablehlo.add"(%40, %47) : (tensor<1x3x5x2x3xf32>, tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x2x3xf32>
    %49 = "stablehlo.reshape"(%48) : (tensor<1x3x5x2x3xf32>) -> tensor<1x3x5x6xf32>
    "func.return"(%49) : (tensor<1x3x5x6xf32>) -> ()
  }
}

// depthwiseConv2d explicit padding
module @lazytensor {
  func.func public @main(%arg0: tensor<1x5x6x2xf32>, %arg1: tensor<2x3x2x2xf32>) -> (tensor<1x3x7x4xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 2, 0>, edge_padding_high = array<i64: 0, 0, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x6x2xf32>, tensor<f32>) -> tensor<1x6x9x2xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 5, 7, 2>, strides = array<i64: 1, 2, 1, 1>} : (tensor<1x6x9x2xf32>) -> tensor<1x3x7x2xf32>
    %3 = "stablehlo.reshape"(%2) : (tensor<1x3x7x2xf32>) -> tensor<1x3x7x2x1xf32>
    %4 = "stablehlo.broadcast_in_dim"(%3) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x7x2x1xf32>) -> tensor<1x3x7x2x2xf32>
    %5 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 1, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %6 = "stablehlo.reshape"(%5) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %7 = "stablehlo.broadcast_in_dim"(%6) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %8 = "stablehlo.multiply"(%4, %7) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %9 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 5, 8, 2>, strides = array<i64: 1, 2, 1, 1>} : (tensor<1x6x9x2xf32>) -> tensor<1x3x7x2xf32>
    %10 = "stablehlo.reshape"(%9) : (tensor<1x3x7x2xf32>) -> tensor<1x3x7x2x1xf32>
    %11 = "stablehlo.broadcast_in_dim"(%10) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x7x2x1xf32>) -> tensor<1x3x7x2x2xf32>
    %12 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 2, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %13 = "stablehlo.reshape"(%12) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %14 = "stablehlo.broadcast_in_dim"(%13) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %15 = "stablehlo.multiply"(%11, %14) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %16 = "stablehlo.add"(%8, %15) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %17 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 5, 9, 2>, strides = array<i64: 1, 2, 1, 1>} : (tensor<1x6x9x2xf32>) -> tensor<1x3x7x2xf32>
    %18 = "stablehlo.reshape"(%17) : (tensor<1x3x7x2xf32>) -> tensor<1x3x7x2x1xf32>
    %19 = "stablehlo.broadcast_in_dim"(%18) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x7x2x1xf32>) -> tensor<1x3x7x2x2xf32>
    %20 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 3, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %21 = "stablehlo.reshape"(%20) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %22 = "stablehlo.broadcast_in_dim"(%21) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %23 = "stablehlo.multiply"(%19, %22) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %24 = "stablehlo.add"(%16, %23) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %25 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 6, 7, 2>, strides = array<i64: 1, 2, 1, 1>} : (tensor<1x6x9x2xf32>) -> tensor<1x3x7x2xf32>
    %26 = "stablehlo.reshape"(%25) : (tensor<1x3x7x2xf32>) -> tensor<1x3x7x2x1xf32>
    %27 = "stablehlo.broadcast_in_dim"(%26) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x7x2x1xf32>) -> tensor<1x3x7x2x2xf32>
    %28 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 0, 0, 0>, limit_indices = array<i64: 2, 1, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %29 = "stablehlo.reshape"(%28) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %30 = "stablehlo.broadcast_in_dim"(%29) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %31 = "stablehlo.multiply"(%27, %30) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %32 = "stablehlo.add"(%24, %31) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %33 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 6, 8, 2>, strides = array<i64: 1, 2, 1, 1>} : (tensor<1x6x9x2xf32>) -> tensor<1x3x7x2xf32>
    %34 = "stablehlo.reshape"(%33) : (tensor<1x3x7x2xf32>) -> tensor<1x3x7x2x1xf32>
    %35 = "stablehlo.broadcast_in_dim"(%34) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x7x2x1xf32>) -> tensor<1x3x7x2x2xf32>
    %36 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 1, 0, 0>, limit_indices = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %37 = "stablehlo.reshape"(%36) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %38 = "stablehlo.broadcast_in_dim"(%37) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %39 = "stablehlo.multiply"(%35, %38) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %40 = "stablehlo.add"(%32, %39) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %41 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 1, 6, 9, 2>, strides = array<i64: 1, 2, 1, 1>} : (tensor<1x6x9x2xf32>) -> tensor<1x3x7x2xf32>
    %42 = "stablehlo.reshape"(%41) : (tensor<1x3x7x2xf32>) -> tensor<1x3x7x2x1xf32>
    %43 = "stablehlo.broadcast_in_dim"(%42) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x3x7x2x1xf32>) -> tensor<1x3x7x2x2xf32>
    %44 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 2, 0, 0>, limit_indices = array<i64: 2, 3, 2, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x3x2x2xf32>) -> tensor<1x1x2x2xf32>
    %45 = "stablehlo.reshape"(%44) : (tensor<1x1x2x2xf32>) -> tensor<2x2xf32>
    %46 = "stablehlo.broadcast_in_dim"(%45) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %47 = "stablehlo.multiply"(%43, %46) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %48 = "stablehlo.add"(%40, %47) : (tensor<1x3x7x2x2xf32>, tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x2x2xf32>
    %49 = "stablehlo.reshape"(%48) : (tensor<1x3x7x2x2xf32>) -> tensor<1x3x7x4xf32>
    "func.return"(%49) : (tensor<1x3x7x4xf32>) -> ()
  }
}

// depthwiseConv2d 3x3 stride 1 same, 8 channels (the interpreter's Winograd path)
module @lazytensor {
  func.func public @main(%arg0: tensor<1x6x5x8xf32>, %arg1: tensor<3x3x8x8xf32>) -> (tensor<1x6x5x64xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 1, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x6x5x8xf32>, tensor<f32>) -> tensor<1x8x7x8xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 6, 5, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x8xf32>) -> tensor<1x6x5x8xf32>
    %3 = "stablehlo.reshape"(%2) : (tensor<1x6x5x8xf32>) -> tensor<1x6x5x8x1xf32>
    %4 = "stablehlo.broadcast_in_dim"(%3) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x6x5x8x1xf32>) -> tensor<1x6x5x8x8xf32>
    %5 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 1, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %6 = "stablehlo.reshape"(%5) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %7 = "stablehlo.broadcast_in_dim"(%6) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %8 = "stablehlo.multiply"(%4, %7) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %9 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 6, 6, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x8xf32>) -> tensor<1x6x5x8xf32>
    %10 = "stablehlo.reshape"(%9) : (tensor<1x6x5x8xf32>) -> tensor<1x6x5x8x1xf32>
    %11 = "stablehlo.broadcast_in_dim"(%10) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x6x5x8x1xf32>) -> tensor<1x6x5x8x8xf32>
    %12 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 2, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %13 = "stablehlo.reshape"(%12) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %14 = "stablehlo.broadcast_in_dim"(%13) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %15 = "stablehlo.multiply"(%11, %14) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %16 = "stablehlo.add"(%8, %15) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %17 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 6, 7, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x8xf32>) -> tensor<1x6x5x8xf32>
    %18 = "stablehlo.reshape"(%17) : (tensor<1x6x5x8xf32>) -> tensor<1x6x5x8x1xf32>
    %19 = "stablehlo.broadcast_in_dim"(%18) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x6x5x8x1xf32>) -> tensor<1x6x5x8x8xf32>
    %20 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 3, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %21 = "stablehlo.reshape"(%20) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %22 = "stablehlo.broadcast_in_dim"(%21) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %23 = "stablehlo.multiply"(%19, %22) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %24 = "stablehlo.add"(%16, %23) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %25 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 7, 5, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x8xf32>) -> tensor<1x6x5x8xf32>
    %26 = "stablehlo.reshape"(%25) : (tensor<1x6x5x8xf32>) -> tensor<1x6x5x8x1xf32>
    %27 = "stablehlo.broadcast_in_dim"(%26) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x6x5x8x1xf32>) -> tensor<1x6x5x8x8xf32>
    %28 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 0, 0, 0>, limit_indices = array<i64: 2, 1, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %29 = "stablehlo.reshape"(%28) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %30 = "stablehlo.broadcast_in_dim"(%29) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %31 = "stablehlo.multiply"(%27, %30) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %32 = "stablehlo.add"(%24, %31) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %33 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 7, 6, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x8xf32>) -> tensor<1x6x5x8xf32>
    %34 = "stablehlo.reshape"(%33) : (tensor<1x6x5x8xf32>) -> tensor<1x6x5x8x1xf32>
    %35 = "stablehlo.broadcast_in_dim"(%34) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x6x5x8x1xf32>) -> tensor<1x6x5x8x8xf32>
    %36 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 1, 0, 0>, limit_indices = array<i64: 2, 2, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %37 = "stablehlo.reshape"(%36) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %38 = "stablehlo.broadcast_in_dim"(%37) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %39 = "stablehlo.multiply"(%35, %38) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %40 = "stablehlo.add"(%32, %39) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %41 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 1, 7, 7, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x8xf32>) -> tensor<1x6x5x8xf32>
    %42 = "stablehlo.reshape"(%41) : (tensor<1x6x5x8xf32>) -> tensor<1x6x5x8x1xf32>
    %43 = "stablehlo.broadcast_in_dim"(%42) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x6x5x8x1xf32>) -> tensor<1x6x5x8x8xf32>
    %44 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 1, 2, 0, 0>, limit_indices = array<i64: 2, 3, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %45 = "stablehlo.reshape"(%44) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %46 = "stablehlo.broadcast_in_dim"(%45) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %47 = "stablehlo.multiply"(%43, %46) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %48 = "stablehlo.add"(%40, %47) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %49 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 8, 5, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x8xf32>) -> tensor<1x6x5x8xf32>
    %50 = "stablehlo.reshape"(%49) : (tensor<1x6x5x8xf32>) -> tensor<1x6x5x8x1xf32>
    %51 = "stablehlo.broadcast_in_dim"(%50) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x6x5x8x1xf32>) -> tensor<1x6x5x8x8xf32>
    %52 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 0, 0, 0>, limit_indices = array<i64: 3, 1, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %53 = "stablehlo.reshape"(%52) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %54 = "stablehlo.broadcast_in_dim"(%53) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %55 = "stablehlo.multiply"(%51, %54) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %56 = "stablehlo.add"(%48, %55) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %57 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 1, 0>, limit_indices = array<i64: 1, 8, 6, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x8xf32>) -> tensor<1x6x5x8xf32>
    %58 = "stablehlo.reshape"(%57) : (tensor<1x6x5x8xf32>) -> tensor<1x6x5x8x1xf32>
    %59 = "stablehlo.broadcast_in_dim"(%58) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x6x5x8x1xf32>) -> tensor<1x6x5x8x8xf32>
    %60 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 1, 0, 0>, limit_indices = array<i64: 3, 2, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %61 = "stablehlo.reshape"(%60) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %62 = "stablehlo.broadcast_in_dim"(%61) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %63 = "stablehlo.multiply"(%59, %62) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %64 = "stablehlo.add"(%56, %63) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %65 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 2, 0>, limit_indices = array<i64: 1, 8, 7, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x8xf32>) -> tensor<1x6x5x8xf32>
    %66 = "stablehlo.reshape"(%65) : (tensor<1x6x5x8xf32>) -> tensor<1x6x5x8x1xf32>
    %67 = "stablehlo.broadcast_in_dim"(%66) {broadcast_dimensions = array<i64: 0, 1, 2, 3, 4>} : (tensor<1x6x5x8x1xf32>) -> tensor<1x6x5x8x8xf32>
    %68 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 2, 2, 0, 0>, limit_indices = array<i64: 3, 3, 8, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<3x3x8x8xf32>) -> tensor<1x1x8x8xf32>
    %69 = "stablehlo.reshape"(%68) : (tensor<1x1x8x8xf32>) -> tensor<8x8xf32>
    %70 = "stablehlo.broadcast_in_dim"(%69) {broadcast_dimensions = array<i64: 3, 4>} : (tensor<8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %71 = "stablehlo.multiply"(%67, %70) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %72 = "stablehlo.add"(%64, %71) : (tensor<1x6x5x8x8xf32>, tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x8x8xf32>
    %73 = "stablehlo.reshape"(%72) : (tensor<1x6x5x8x8xf32>) -> tensor<1x6x5x64xf32>
    "func.return"(%73) : (tensor<1x6x5x64xf32>) -> ()
  }
}
