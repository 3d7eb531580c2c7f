// avgPoolGrad 3x3 stride 2 same
module @lazytensor {
  func.func public @main(%arg0: tensor<2x4x3x3xf32>) -> (tensor<2x7x6x3xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.broadcast_in_dim"(%0) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x7x6x1xf32>
    %2 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %3 = "stablehlo.pad"(%1, %2) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x7x6x1xf32>, tensor<f32>) -> tensor<1x9x7x1xf32>
    %4 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 7, 5, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %5 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 7, 6, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %6 = "stablehlo.add"(%4, %5) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %7 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 7, 7, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %8 = "stablehlo.add"(%6, %7) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %9 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 8, 5, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %10 = "stablehlo.add"(%8, %9) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %11 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 8, 6, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %12 = "stablehlo.add"(%10, %11) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %13 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 1, 8, 7, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %14 = "stablehlo.add"(%12, %13) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %15 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 2, 0, 0>, limit_indices = array<i64: 1, 9, 5, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %16 = "stablehlo.add"(%14, %15) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %17 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 2, 1, 0>, limit_indices = array<i64: 1, 9, 6, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %18 = "stablehlo.add"(%16, %17) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %19 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 2, 2, 0>, limit_indices = array<i64: 1, 9, 7, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x9x7x1xf32>) -> tensor<1x4x3x1xf32>
    %20 = "stablehlo.add"(%18, %19) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %21 = "stablehlo.broadcast_in_dim"(%20) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<1x4x3x1xf32>) -> tensor<2x4x3x3xf32>
    %22 = "stablehlo.divide"(%arg0, %21) : (tensor<2x4x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %23 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %24 = "stablehlo.pad"(%22, %23) {edge_padding_low = array<i64: 0, 1, 2, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 1, 1, 0>} : (tensor<2x4x3x3xf32>, tensor<f32>) -> tensor<2x9x8x3xf32>
    %28 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %29 = "stablehlo.reduce_window"(%24, %28) ({
    ^bb0(%25: tensor<f32>, %26: tensor<f32>):
      %27 = "stablehlo.add"(%25, %26) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%27) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 3, 3, 1>, window_strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x8x3xf32>, tensor<f32>) -> tensor<2x7x6x3xf32>
    "func.return"(%29) : (tensor<2x7x6x3xf32>) -> ()
  }
}

// avgPoolGrad [2, 3] strides [1, 2] valid
module @lazytensor {
  func.func public @main(%arg0: tensor<1x4x3x2xf32>) -> (tensor<1x5x7x2xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.broadcast_in_dim"(%0) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x5x7x1xf32>
    %2 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %3 = "stablehlo.pad"(%1, %2) {edge_padding_low = array<i64: 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x7x1xf32>, tensor<f32>) -> tensor<1x5x7x1xf32>
    %4 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 4, 5, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %5 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 4, 6, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %6 = "stablehlo.add"(%4, %5) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %7 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 1, 4, 7, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %8 = "stablehlo.add"(%6, %7) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %9 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 5, 5, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %10 = "stablehlo.add"(%8, %9) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %11 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 5, 6, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %12 = "stablehlo.add"(%10, %11) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %13 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 1, 2, 0>, limit_indices = array<i64: 1, 5, 7, 1>, strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x1xf32>) -> tensor<1x4x3x1xf32>
    %14 = "stablehlo.add"(%12, %13) : (tensor<1x4x3x1xf32>, tensor<1x4x3x1xf32>) -> tensor<1x4x3x1xf32>
    %15 = "stablehlo.broadcast_in_dim"(%14) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<1x4x3x1xf32>) -> tensor<1x4x3x2xf32>
    %16 = "stablehlo.divide"(%arg0, %15) : (tensor<1x4x3x2xf32>, tensor<1x4x3x2xf32>) -> tensor<1x4x3x2xf32>
    %17 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %18 = "stablehlo.pad"(%16, %17) {edge_padding_low = array<i64: 0, 1, 2, 0>, edge_padding_high = array<i64: 0, 1, 2, 0>, interior_padding = array<i64: 0, 0, 1, 0>} : (tensor<1x4x3x2xf32>, tensor<f32>) -> tensor<1x6x9x2xf32>
    %22 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %23 = "stablehlo.reduce_window"(%18, %22) ({
    ^bb0(%19: tensor<f32>, %20: tensor<f32>):
      %21 = "stablehlo.add"(%19, %20) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%21) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 2, 3, 1>, window_strides = array<i64: 1, 1, 1, 1>} : (tensor<1x6x9x2xf32>, tensor<f32>) -> tensor<1x5x7x2xf32>
    "func.return"(%23) : (tensor<1x5x7x2xf32>) -> ()
  }
}

// avgPoolGrad 2x2 explicit padding
module @lazytensor {
  func.func public @main(%arg0: tensor<1x3x3x2xf32>) -> (tensor<1x5x5x2xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.broadcast_in_dim"(%0) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x5x5x1xf32>
    %2 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %3 = "stablehlo.pad"(%1, %2) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x5x1xf32>, tensor<f32>) -> tensor<1x7x6x1xf32>
    %4 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 5, 5, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x1xf32>) -> tensor<1x3x3x1xf32>
    %5 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 1, 5, 6, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x1xf32>) -> tensor<1x3x3x1xf32>
    %6 = "stablehlo.add"(%4, %5) : (tensor<1x3x3x1xf32>, tensor<1x3x3x1xf32>) -> tensor<1x3x3x1xf32>
    %7 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 6, 5, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x1xf32>) -> tensor<1x3x3x1xf32>
    %8 = "stablehlo.add"(%6, %7) : (tensor<1x3x3x1xf32>, tensor<1x3x3x1xf32>) -> tensor<1x3x3x1xf32>
    %9 = "stablehlo.slice"(%3) {start_indices = array<i64: 0, 1, 1, 0>, limit_indices = array<i64: 1, 6, 6, 1>, strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x1xf32>) -> tensor<1x3x3x1xf32>
    %10 = "stablehlo.add"(%8, %9) : (tensor<1x3x3x1xf32>, tensor<1x3x3x1xf32>) -> tensor<1x3x3x1xf32>
    %11 = "stablehlo.broadcast_in_dim"(%10) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<1x3x3x1xf32>) -> tensor<1x3x3x2xf32>
    %12 = "stablehlo.divide"(%arg0, %11) : (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
    %13 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %14 = "stablehlo.pad"(%12, %13) {edge_padding_low = array<i64: 0, 0, 1, 0>, edge_padding_high = array<i64: 0, 1, 0, 0>, interior_padding = array<i64: 0, 1, 1, 0>} : (tensor<1x3x3x2xf32>, tensor<f32>) -> tensor<1x6x6x2xf32>
    %18 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %19 = "stablehlo.reduce_window"(%14, %18) ({
    ^bb0(%15: tensor<f32>, %16: tensor<f32>):
      %17 = "stablehlo.add"(%15, %16) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%17) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1>} : (tensor<1x6x6x2xf32>, tensor<f32>) -> tensor<1x5x5x2xf32>
    "func.return"(%19) : (tensor<1x5x5x2xf32>) -> ()
  }
}
