// broadcastTo
module @lazytensor {
  func.func public @main(%arg0: tensor<3x1xi32>) -> (tensor<2x3x4xi32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<3x1xi32>) -> tensor<2x3x4xi32>
    "func.return"(%0) : (tensor<2x3x4xi32>) -> ()
  }
}
