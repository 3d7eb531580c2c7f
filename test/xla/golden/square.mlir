// square float32
module @lazytensor {
  func.func public @main(%arg0: tensor<3x5xf32>) -> (tensor<3x5xf32>) {
    %0 = "stablehlo.multiply"(%arg0, %arg0) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
    "func.return"(%0) : (tensor<3x5xf32>) -> ()
  }
}

// square int32
module @lazytensor {
  func.func public @main(%arg0: tensor<7xi32>) -> (tensor<7xi32>) {
    %0 = "stablehlo.multiply"(%arg0, %arg0) : (tensor<7xi32>, tensor<7xi32>) -> tensor<7xi32>
    "func.return"(%0) : (tensor<7xi32>) -> ()
  }
}
