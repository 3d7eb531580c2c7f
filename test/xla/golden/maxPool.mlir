// maxPool 3x3 stride 2 same
module @lazytensor {
  func.func public @main(%arg0: tensor<2x7x6x3xf32>) -> (tensor<2x4x3x3xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<2x7x6x3xf32>, tensor<f32>) -> tensor<2x9x7x3xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 2, 7, 5, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %3 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 2, 7, 6, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %4 = "stablehlo.maximum"(%2, %3) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %5 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 2, 7, 7, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %6 = "stablehlo.maximum"(%4, %5) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %7 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 2, 8, 5, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %8 = "stablehlo.maximum"(%6, %7) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %9 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 2, 8, 6, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %10 = "stablehlo.maximum"(%8, %9) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %11 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 2, 8, 7, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %12 = "stablehlo.maximum"(%10, %11) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %13 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 2, 9, 5, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %14 = "stablehlo.maximum"(%12, %13) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %15 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 1, 0>, limit_indices = array<i64: 2, 9, 6, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %16 = "stablehlo.maximum"(%14, %15) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %17 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 2, 2, 0>, limit_indices = array<i64: 2, 9, 7, 3>, strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x4x3x3xf32>
    %18 = "stablehlo.maximum"(%16, %17) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    "func.return"(%18) : (tensor<2x4x3x3xf32>) -> ()
  }
}

// maxPool [2, 3] strides [1, 2] valid
module @lazytensor {
  func.func public @main(%arg0: tensor<1x5x7x2xf32>) -> (tensor<1x4x3x2xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x7x2xf32>, tensor<f32>) -> tensor<1x5x7x2xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 4, 5, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %3 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 4, 6, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %4 = "stablehlo.maximum"(%2, %3) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    %5 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 4, 7, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %6 = "stablehlo.maximum"(%4, %5) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    %7 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 5, 5, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %8 = "stablehlo.maximum"(%6, %7) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    %9 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 5, 6, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %10 = "stablehlo.maximum"(%8, %9) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    %11 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 1, 5, 7, 2>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x4x3x2xf32>
    %12 = "stablehlo.maximum"(%10, %11) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    "func.return"(%12) : (tensor<1x4x3x2xf32>) -> ()
  }
}

// maxPool 2x2 explicit padding
module @lazytensor {
  func.func public @main(%arg0: tensor<1x5x5x2xf32>) -> (tensor<1x3x3x2xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x5x2xf32>, tensor<f32>) -> tensor<1x7x6x2xf32>
    %2 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 5, 5, 2>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x2xf32>) -> tensor<1x3x3x2xf32>
    %3 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 5, 6, 2>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x2xf32>) -> tensor<1x3x3x2xf32>
    %4 = "stablehlo.maximum"(%2, %3) : (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
    %5 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 6, 5, 2>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x2xf32>) -> tensor<1x3x3x2xf32>
    %6 = "stablehlo.maximum"(%4, %5) : (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
    %7 = "stablehlo.slice"(%1) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 6, 6, 2>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x2xf32>) -> tensor<1x3x3x2xf32>
    %8 = "stablehlo.maximum"(%6, %7) : (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
    "func.return"(%8) : (tensor<1x3x3x2xf32>) -> ()
  }
}
