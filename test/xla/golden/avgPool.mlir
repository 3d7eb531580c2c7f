// avgPool 3x3 stride 2 same
module @lazytensor {
  func.func public @main(%arg0: tensor<2x7x6x3xf32>) -> (tensor<2x4x3x3xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<2x7x6x3xf32>, tensor<f32>) -> tensor<2x9x7x3xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 2, 7, 5, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %3 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 2, 7, 6, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %4 = "stablehlo.add"(%2, %3) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %5 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 2, 7, 7, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %6 = "stablehlo.add"(%4, %5) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %7 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 2, 8, 5, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %8 = "stablehlo.add"(%6, %7) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %9 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 2, 8, 6, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %10 = "stablehlo.add"(%8, %9) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %11 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 2, 8, 7, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %12 = "stablehlo.add"(%10, %11) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %13 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 2, 9, 5, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %14 = "stablehlo.add"(%12, %13) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %15 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 1, 0>, limit_indices = array<i64: 2, 9, 6, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %16 = "stablehlo.add"(%14, %15) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %17 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 2, 0>, limit_indices = array<i64: 2, 9, 7, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %18 = "stablehlo.add"(%16, %17) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %19 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %20 = "stablehlo.broadcast_in_dim"(%19) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x7x6x1xf32>
    %21 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %22 = "stablehlo.pad"(%20, %21) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x7x6x1xf32>, tensor<f32>) -> tensor<1x9x7x1xf32>
    %23 = "stablehlo.slice"(%22) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 7, 5, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %24 = "stablehlo.slice"(%22) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 7, 6, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %25 = "stablehlo.add"(%23, %24) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %26 = "stablehlo.slice"(%22) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 7, 7, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %27 = "stablehlo.add"(%25, %26) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %28 = "stablehlo.slice"(%22) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 8, 5, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %29 = "stablehlo.add"(%27, %28) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %30 = "stablehlo.slice"(%22) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 8, 6, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %31 = "stablehlo.add"(%29, %30) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %32 = "stablehlo.slice"(%22) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 1, 8, 7, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %33 = "stablehlo.add"(%31, %32) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %34 = "stablehlo.slice"(%22) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 9, 5, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %35 = "stablehlo.add"(%33, %34) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %36 = "stablehlo.slice"(%22) {start_indices = array<i64: 0, 2, 1, 0>, limit_indices = array<i64: 1, 9, 6, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %37 = "stablehlo.add"(%35, %36) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %38 = "stablehlo.slice"(%22) {start_indices = array<i64: 0, 2, 2, 0>, limit_indices = array<i64: 1, 9, 7, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %39 = "stablehlo.add"(%37, %38) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %40 = "stablehlo.broadcast_in_dim"(%39) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<1x4x3x1xf32>) -> tensor<2x4x3x3xf32>
    %41 = "stablehlo.divide"(%18, %40) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    "func.return"(%41) : (tensor<2x4x3x3xf32>) -> ()
  }
}

// avgPool [2, 3] strides [1, 2] valid
module @lazytensor {
  func.func public @main(%arg0: tensor<1x5x7x2xf32>) -> (tensor<1x4x3x2xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x7x2xf32>, tensor<f32>) -> tensor<1x5x7x2xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 4, 5, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %3 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 4, 6, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %4 = "stablehlo.add"(%2, %3) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    %5 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 4, 7, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %6 = "stablehlo.add"(%4, %5) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    %7 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 5, 5, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %8 = "stablehlo.add"(%6, %7) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    %9 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 5, 6, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %10 = "stablehlo.add"(%8, %9) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    %11 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 1, 5, 7, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %12 = "stablehlo.add"(%10, %11) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    %13 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %14 = "stablehlo.broadcast_in_dim"(%13) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x5x7x1xf32>
    %15 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %16 = "stablehlo.pad"(%14, %15) {edge_padding_low = array<i64: 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x7x1xf32>, tensor<f32>) -> tensor<1x5x7x1xf32>
    %17 = "stablehlo.slice"(%16) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 4, 5, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %18 = "stablehlo.slice"(%16) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 4, 6, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %19 = "stablehlo.add"(%17, %18) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %20 = "stablehlo.slice"(%16) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 4, 7, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %21 = "stablehlo.add"(%19, %20) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %22 = "stablehlo.slice"(%16) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 5, 5, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %23 = "stablehlo.add"(%21, %22) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %24 = "stablehlo.slice"(%16) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 5, 6, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %25 = "stablehlo.add"(%23, %24) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %26 = "stablehlo.slice"(%16) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 1, 5, 7, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %27 = "stablehlo.add"(%25, %26) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %28 = "stablehlo.broadcast_in_dim"(%27) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<1x4x3x1xf32>) -> tensor<1x4x3x2xf32>
    %29 = "stablehlo.divide"(%12, %28) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    "func.return"(%29) : (tensor<1x4x3x2xf32>) -> ()
  }
}

// avgPool 2x2 explicit padding
module @lazytensor {
  func.func public @main(%arg0: tensor<1x5x5x2xf32>) -> (tensor<1x3x3x2xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x5x2xf32>, tensor<f32>) -> tensor<1x7x6x2xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 5, 5, 2>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x2xf32>) -> tensor<1x3x3x2xf32>
    %3 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 5, 6, 2>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x2xf32>) -> tensor<1x3x3x2xf32>
    %4 = "stablehlo.add"(%2, %3) : (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
    %5 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 6, 5, 2>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x2xf32>) -> tensor<1x3x3x2xf32>
    %6 = "stablehlo.add"(%4, %5) : (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
    %7 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 6, 6, 2>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x2xf32>) -> tensor<1x3x3x2xf32>
    %8 = "stablehlo.add"(%6, %7) : (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
    %9 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %10 = "stablehlo.broadcast_in_dim"(%9) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x5x5x1xf32>
    %11 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %12 = "stablehlo.pad"(%10, %11) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x5x1xf32>, tensor<f32>) -> tensor<1x7x6x1xf32>
    %13 = "stablehlo.slice"(%12) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 5, 5, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x1xf32>) -> tensor<1x3x3x1xf32>
    %14 = "stablehlo.slice"(%12) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 5, 6, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x1xf32>) -> tensor<1x3x3x1xf32>
    %15 = "stablehlo.add"(%13, %14) : (tensor<1x3x3x1xf32>, tensor<1x3x3x1xf32>) -> tensor<1x3x3x1xf32>
    %16 = "stablehlo.slice"(%12) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 6, 5, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x1xf32>) -> tensor<1x3x3x1xf32>
    %17 = "stablehlo.add"(%15, %16) : (tensor<1x3x3x1xf32>, tensor<1x3x3x1xf32>) -> tensor<1x3x3x1xf32>
    %18 = "stablehlo.slice"(%12) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 6, 6, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x1xf32>) -> tensor<1x3x3x1xf32>
    %19 = "stablehlo.add"(%17, %18) : (tensor<1x3x3x1xf32>, tensor<1x3x3x1xf32>) -> tensor<1x3x3x1xf32>
    %20 = "stablehlo.broadcast_in_dim"(%19) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<1x3x3x1xf32>) -> tensor<1x3x3x2xf32>
    %21 = "stablehlo.divide"(%8, %20) : (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
    "func.return"(%21) : (tensor<1x3x3x2xf32>) -> ()
  }
}
