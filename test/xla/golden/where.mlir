// where broadcast
module @lazytensor {
  func.func public @main(%arg0: tensor<3x1xi1>, %arg1: tensor<3x4xf32>, %arg2: tensor<4xf32>) -> (tensor<3x4xf32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<3x1xi1>) -> tensor<3x4xi1>
    %1 = "stablehlo.broadcast_in_dim"(%arg2) {broadcast_dimensions = array<i64: 1>} : (tensor<4xf32>) -> tensor<3x4xf32>
    %2 = "stablehlo.select"(%0, %arg1, %1) : (tensor<3x4xi1>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
    "func.return"(%2) : (tensor<3x4xf32>) -> ()
  }
}
