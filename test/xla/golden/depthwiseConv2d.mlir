// depthwiseConv2d stride 2 same
module @lazytensor {
  func.func public @main(%arg0: tensor<2x7x6x3xf32>, %arg1: tensor<3x3x3x4xf32>) -> (tensor<2x4x3x12xf32>) {
    %0 = "stablehlo.reshape"(%arg1) : (tensor<3x3x3x4xf32>) -> tensor<3x3x1x12xf32>
    %1 = "stablehlo.convolution"(%arg0, %0) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 3 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[1, 1], [0, 1]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<2x7x6x3xf32>, tensor<3x3x1x12xf32>) -> tensor<2x4x3x12xf32>
    "func.return"(%1) : (tensor<2x4x3x12xf32>) -> ()
  }
}

// depthwiseConv2d dilation 2 valid
module @lazytensor {
  func.func public @main(%arg0: tensor<1x7x7x2xf32>, %arg1: tensor<3x2x2x3xf32>) -> (tensor<1x3x5x6xf32>) {
    %0 = "stablehlo.reshape"(%arg1) : (tensor<3x2x2x3xf32>) -> tensor<3x2x1x6xf32>
    %1 = "stablehlo.convolution"(%arg0, %0) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 2 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[0, 0], [0, 0]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 2>, window_strides = array<i64: 1, 1>} : (tensor<1x7x7x2xf32>, tensor<3x2x1x6xf32>) -> tensor<1x3x5x6xf32>
    "func.return"(%1) : (tensor<1x3x5x6xf32>) -> ()
  }
}

// depthwiseConv2d explicit padding
module @lazytensor {
  func.func public @main(%arg0: tensor<1x5x6x2xf32>, %arg1: tensor<2x3x2x2xf32>) -> (tensor<1x3x7x4xf32>) {
    %0 = "stablehlo.reshape"(%arg1) : (tensor<2x3x2x2xf32>) -> tensor<2x3x1x4xf32>
    %1 = "stablehlo.convolution"(%arg0, %0) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 2 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[1, 0], [2, 1]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 1>} : (tensor<1x5x6x2xf32>, tensor<2x3x1x4xf32>) -> tensor<1x3x7x4xf32>
    "func.return"(%1) : (tensor<1x3x7x4xf32>) -> ()
  }
}

// depthwiseConv2d 3x3 stride 1 same, 8 channels (the interpreter's Winograd path)
module @lazytensor {
  func.func public @main(%arg0: tensor<1x6x5x8xf32>, %arg1: tensor<3x3x8x8xf32>) -> (tensor<1x6x5x64xf32>) {
    %0 = "stablehlo.reshape"(%arg1) : (tensor<3x3x8x8xf32>) -> tensor<3x3x1x64xf32>
    %1 = "stablehlo.convolution"(%arg0, %0) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 8 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[1, 1], [1, 1]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<1x6x5x8xf32>, tensor<3x3x1x64xf32>) -> tensor<1x6x5x64xf32>
    "func.return"(%1) : (tensor<1x6x5x64xf32>) -> ()
  }
}
