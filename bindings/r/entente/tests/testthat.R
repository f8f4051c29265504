library(testthat)
library(entente)
test_check("entente")
