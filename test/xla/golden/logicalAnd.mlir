// logicalAnd bool
module @lazytensor {
  func.func public @main(%arg0: tensor<2x4xi1>, %arg1: tensor<4xi1>) -> (tensor<2x4xi1>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1>} : (tensor<4xi1>) -> tensor<2x4xi1>
    %1 = "stablehlo.and"(%arg0, %0) : (tensor<2x4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
    "func.return"(%1) : (tensor<2x4xi1>) -> ()
  }
}
