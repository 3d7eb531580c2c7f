// tile
module @lazytensor {
  func.func public @main(%arg0: tensor<2x3xi1>) -> (tensor<4x9xi1>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 1, 3>} : (tensor<2x3xi1>) -> tensor<2x2x3x3xi1>
    %1 = "stablehlo.reshape"(%0) : (tensor<2x2x3x3xi1>) -> tensor<4x9xi1>
    "func.return"(%1) : (tensor<4x9xi1>) -> ()
  }
}
