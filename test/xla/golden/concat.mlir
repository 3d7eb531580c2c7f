// concat
module @lazytensor {
  func.func public @main(%arg0: tensor<2x3xf32>, %arg1: tensor<2x2xf32>) -> (tensor<2x5xf32>) {
    %0 = "stablehlo.concatenate"(%arg0, %arg1) {dimension = 1 : i64} : (tensor<2x3xf32>, tensor<2x2xf32>) -> tensor<2x5xf32>
    "func.return"(%0) : (tensor<2x5xf32>) -> ()
  }
}
