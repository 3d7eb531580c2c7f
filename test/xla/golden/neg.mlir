// neg float32
module @lazytensor {
  func.func public @main(%arg0: tensor<3x5xf32>) -> (tensor<3x5xf32>) {
    %0 = "stablehlo.negate"(%arg0) : (tensor<3x5xf32>) -> tensor<3x5xf32>
    "func.return"(%0) : (tensor<3x5xf32>) -> ()
  }
}

// neg int32
module @lazytensor {
  func.func public @main(%arg0: tensor<7xi32>) -> (tensor<7xi32>) {
    %0 = "stablehlo.negate"(%arg0) : (tensor<7xi32>) -> tensor<7xi32>
    "func.return"(%0) : (tensor<7xi32>) -> ()
  }
}
