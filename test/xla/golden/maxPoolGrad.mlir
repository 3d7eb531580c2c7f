// maxPoolGrad 3x3 stride 2 same
module @lazytensor {
  func.func public @main(%arg0: tensor<2x7x6x3xf32>, %arg1: tensor<2x4x3x3xf32>) -> (tensor<2x7x6x3xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<2x7x6x3xf32>, tensor<f32>) -> tensor<2x9x7x3xf32>
    %8 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %9 = "stablehlo.select_and_scatter"(%1, %arg1, %8) ({
    ^bb0(%2: tensor<f32>, %3: tensor<f32>):
      %4 = "stablehlo.compare"(%2, %3) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%4) : (tensor<i1>) -> ()
    }, {
    ^bb0(%5: tensor<f32>, %6: tensor<f32>):
      %7 = "stablehlo.add"(%5, %6) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%7) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 3, 3, 1>, window_strides = array<i64: 1, 2, 2, 1>} : (tensor<2x9x7x3xf32>, tensor<2x4x3x3xf32>, tensor<f32>) -> tensor<2x9x7x3xf32>
    %10 = "stablehlo.slice"(%9) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 2, 8, 6, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x9x7x3xf32>) -> tensor<2x7x6x3xf32>
    "func.return"(%10) : (tensor<2x7x6x3xf32>) -> ()
  }
}

// maxPoolGrad [2, 3] strides [1, 2] valid
module @lazytensor {
  func.func public @main(%arg0: tensor<1x5x7x2xf32>, %arg1: tensor<1x4x3x2xf32>) -> (tensor<1x5x7x2xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x7x2xf32>, tensor<f32>) -> tensor<1x5x7x2xf32>
    %8 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %9 = "stablehlo.select_and_scatter"(%1, %arg1, %8) ({
    ^bb0(%2: tensor<f32>, %3: tensor<f32>):
      %4 = "stablehlo.compare"(%2, %3) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%4) : (tensor<i1>) -> ()
    }, {
    ^bb0(%5: tensor<f32>, %6: tensor<f32>):
      %7 = "stablehlo.add"(%5, %6) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%7) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 2, 3, 1>, window_strides = array<i64: 1, 1, 2, 1>} : (tensor<1x5x7x2xf32>, tensor<1x4x3x2xf32>, tensor<f32>) -> tensor<1x5x7x2xf32>
    %10 = "stablehlo.slice"(%9) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 1, 5, 7, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x5x7x2xf32>) -> tensor<1x5x7x2xf32>
    "func.return"(%10) : (tensor<1x5x7x2xf32>) -> ()
  }
}

// maxPoolGrad 2x2 explicit padding
module @lazytensor {
  func.func public @main(%arg0: tensor<1x5x5x2xf32>, %arg1: tensor<1x3x3x2xf32>) -> (tensor<1x5x5x2xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.pad"(%arg0, %0) {edge_padding_low = array<i64: 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x5x5x2xf32>, tensor<f32>) -> tensor<1x7x6x2xf32>
    %8 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %9 = "stablehlo.select_and_scatter"(%1, %arg1, %8) ({
    ^bb0(%2: tensor<f32>, %3: tensor<f32>):
      %4 = "stablehlo.compare"(%2, %3) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%4) : (tensor<i1>) -> ()
    }, {
    ^bb0(%5: tensor<f32>, %6: tensor<f32>):
      %7 = "stablehlo.add"(%5, %6) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%7) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 2, 2, 1>, window_strides = array<i64: 1, 2, 2, 1>} : (tensor<1x7x6x2xf32>, tensor<1x3x3x2xf32>, tensor<f32>) -> tensor<1x7x6x2xf32>
    %10 = "stablehlo.slice"(%9) {start_indices = array<i64: 0, 1, 0, 0>, limit_indices = array<i64: 1, 6, 5, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x7x6x2xf32>) -> tensor<1x5x5x2xf32>
    "func.return"(%10) : (tensor<1x5x5x2xf32>) -> ()
  }
}
