// reverse
module @lazytensor {
  func.func public @main(%arg0: tensor<3x4xi32>) -> (tensor<3x4xi32>) {
    %0 = "stablehlo.reverse"(%arg0) {dimensions = array<i64: 0, 1>} : (tensor<3x4xi32>) -> tensor<3x4xi32>
    "func.return"(%0) : (tensor<3x4xi32>) -> ()
  }
}
