// slice
module @lazytensor {
  func.func public @main(%arg0: tensor<4x5xf32>) -> (tensor<2x3xf32>) {
    %0 = "stablehlo.slice"(%arg0) {start_indices = array<i64: 1, 2>, limit_indices = array<i64: 3, 5>, strides = array<i64: 1, 1>} : (tensor<4x5xf32>) -> tensor<2x3xf32>
    "func.return"(%0) : (tensor<2x3xf32>) -> ()
  }
}

// stridedSlice negative stride
module @lazytensor {
  func.func public @main(%arg0: tensor<5x6xi32>) -> (tensor<2x3xi32>) {
    %0 = "stablehlo.reverse"(%arg0) {dimensions = array<i64: 0>} : (tensor<5x6xi32>) -> tensor<5x6xi32>
    %1 = "stablehlo.slice"(%0) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 3, 5>, strides = array<i64: 2, 2>} : (tensor<5x6xi32>) -> tensor<2x3xi32>
    "func.return"(%1) : (tensor<2x3xi32>) -> ()
  }
}
