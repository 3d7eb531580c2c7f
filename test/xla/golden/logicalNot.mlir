// logicalNot bool
module @lazytensor {
  func.func public @main(%arg0: tensor<6xi1>) -> (tensor<6xi1>) {
    %0 = "stablehlo.not"(%arg0) : (tensor<6xi1>) -> tensor<6xi1>
    "func.return"(%0) : (tensor<6xi1>) -> ()
  }
}
