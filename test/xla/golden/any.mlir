// any bool axes [0, 2]
module @lazytensor {
  func.func public @main(%arg0: tensor<2x3x2xi1>) -> (tensor<3xi1>) {
    %3 = "stablehlo.constant"() {value = dense<false> : tensor<i1>} : () -> tensor<i1>
    %4 = "stablehlo.reduce"(%arg0, %3) ({
    ^bb0(%0: tensor<i1>, %1: tensor<i1>):
      %2 = "stablehlo.or"(%0, %1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%2) : (tensor<i1>) -> ()
    }) {dimensions = array<i64: 0, 2>} : (tensor<2x3x2xi1>, tensor<i1>) -> tensor<3xi1>
    "func.return"(%4) : (tensor<3xi1>) -> ()
  }
}
