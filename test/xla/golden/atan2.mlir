// atan2 float32 broadcast
module @lazytensor {
  func.func public @main(%arg0: tensor<3x1x4xf32>, %arg1: tensor<5x4xf32>) -> (tensor<3x5x4xf32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<3x1x4xf32>) -> tensor<3x5x4xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<5x4xf32>) -> tensor<3x5x4xf32>
    %2 = "stablehlo.atan2"(%0, %1) : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    "func.return"(%2) : (tensor<3x5x4xf32>) -> ()
  }
}
