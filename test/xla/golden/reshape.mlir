// reshape
module @lazytensor {
  func.func public @main(%arg0: tensor<2x6xf32>) -> (tensor<3x2x2xf32>) {
    %0 = "stablehlo.reshape"(%arg0) : (tensor<2x6xf32>) -> tensor<3x2x2xf32>
    "func.return"(%0) : (tensor<3x2x2xf32>) -> ()
  }
}
