// isFinite float32
module @lazytensor {
  func.func public @main(%arg0: tensor<3x5xf32>) -> (tensor<3x5xi1>) {
    %0 = "stablehlo.is_finite"(%arg0) : (tensor<3x5xf32>) -> tensor<3x5xi1>
    "func.return"(%0) : (tensor<3x5xi1>) -> ()
  }
}
