// squaredDifference float32 broadcast
module @lazytensor {
  func.func public @main(%arg0: tensor<5x4xf32>, %arg1: tensor<3x1x4xf32>) -> (tensor<3x5x4xf32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<5x4xf32>) -> tensor<3x5x4xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<3x1x4xf32>) -> tensor<3x5x4xf32>
    %2 = "stablehlo.subtract"(%0, %1) : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    %3 = "stablehlo.multiply"(%2, %2) : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    "func.return"(%3) : (tensor<3x5x4xf32>) -> ()
  }
}

// squaredDifference int32
module @lazytensor {
  func.func public @main(%arg0: tensor<6xi32>, %arg1: tensor<4x6xi32>) -> (tensor<4x6xi32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 1>} : (tensor<6xi32>) -> tensor<4x6xi32>
    %1 = "stablehlo.subtract"(%0, %arg1) : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    %2 = "stablehlo.multiply"(%1, %1) : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    "func.return"(%2) : (tensor<4x6xi32>) -> ()
  }
}
