// The settings table, one row per setting, generated from the Rust table
// (crates/sepal/src/settings/table.rs) by `node scripts/generate.mjs`.
// Do not edit: change the Rust row and run the script again
// (tests/settings-table.test.mjs checks this copy is current).

export const SETTINGS = Object.freeze([
  {"key":"notebook","param":"notebook","kind":"choice","choices":["planar","initialization","regularization","optimization"],"effect":"data","place":"controls","default":"planar","example":"initialization","allowed":"planar, initialization, regularization or optimization"},
  {"key":"dataset","param":"dataset","kind":"choice","choices":["flower","circles","moons","blobs","quantiles","xor","spiral","rings","football","custom"],"effect":"data","place":"data","default":"flower","example":"circles","allowed":"flower, circles, moons, blobs, quantiles, xor, spiral, rings, football or custom"},
  {"key":"datasetSeed","param":"dataset-seed","kind":"integer","min":0,"max":4294967295,"effect":"data","place":"data","default":1,"example":4294967295,"allowed":"a whole number from 0 to 4294967295"},
  {"key":"points","param":"points","kind":"integer","min":2,"max":10000,"effect":"data","place":"data","default":400,"example":10000,"allowed":"a whole number from 2 to 10000"},
  {"key":"noise","param":"noise","kind":"number","min":0,"max":10,"minInclusive":true,"maxInclusive":true,"effect":"data","place":"data","default":0.2,"example":5,"allowed":"a number from 0 to 10"},
  {"key":"testFraction","param":"test-fraction","kind":"number","min":0,"max":1,"minInclusive":true,"maxInclusive":false,"effect":"data","place":"data","default":0,"example":0.5,"allowed":"a number from 0 up to (not including) 1"},
  {"key":"testPoints","param":"test-points","kind":"integer","min":0,"max":10000,"effect":"data","place":"data","default":0,"example":10000,"allowed":"a whole number from 0 to 10000"},
  {"key":"model","param":"model","kind":"choice","choices":["logistic","shallow","deep"],"effect":"network","place":"controls","default":"shallow","example":"logistic","allowed":"logistic, shallow or deep"},
  {"key":"hiddenUnits","param":"hidden-units","kind":"integer","min":1,"max":64,"effect":"network","place":"controls","default":4,"example":64,"allowed":"a whole number from 1 to 64"},
  {"key":"layers","param":"layers","kind":"sizes","min":1,"max":64,"maxCount":6,"effect":"network","place":"controls","default":"8,8","example":"8,8,4","allowed":"1 to 6 whole numbers from 1 to 64, separated by commas or spaces, e.g. 8,8,4"},
  {"key":"activation","param":"activation","kind":"choice","choices":["tanh","relu","leaky-relu","sigmoid"],"effect":"network","place":"controls","default":"tanh","example":"relu","allowed":"tanh, relu, leaky-relu or sigmoid"},
  {"key":"features","param":"features","kind":"names","choices":["x1","x2","x1sq","x2sq","x1x2","sinx1","sinx2"],"effect":"network","place":"controls","default":"x1,x2","example":"x1sq,x2sq","allowed":"one or more of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, separated by commas, each once"},
  {"key":"init","param":"init","kind":"choice","choices":["zeros","small","xavier","he","large"],"effect":"network","place":"controls","default":"small","example":"zeros","allowed":"zeros, small, xavier, he or large"},
  {"key":"l2","param":"l2","kind":"number","min":0,"max":1000,"minInclusive":true,"maxInclusive":true,"effect":"network","place":"controls","default":0,"example":500,"allowed":"a number from 0 to 1000"},
  {"key":"l1","param":"l1","kind":"number","min":0,"max":1000,"minInclusive":true,"maxInclusive":true,"effect":"network","place":"controls","default":0,"example":500,"allowed":"a number from 0 to 1000"},
  {"key":"keepProb","param":"keep-prob","kind":"number","min":0,"max":1,"minInclusive":false,"maxInclusive":true,"effect":"network","place":"controls","default":1,"example":0.5,"allowed":"a number above 0 and at most 1"},
  {"key":"dropoutMasks","param":"dropout-masks","kind":"choice","choices":["fresh","fixed"],"effect":"network","place":"controls","default":"fresh","example":"fixed","allowed":"fresh or fixed"},
  {"key":"learningRate","param":"learning-rate","kind":"number","min":0,"max":10000,"minInclusive":false,"maxInclusive":true,"effect":"retune","place":"controls","default":1.2,"example":5000,"allowed":"a number above 0 and at most 10000"},
  {"key":"optimizer","param":"optimizer","kind":"choice","choices":["gd","momentum","rmsprop","adam"],"effect":"network","place":"controls","default":"gd","example":"momentum","allowed":"gd, momentum, rmsprop or adam"},
  {"key":"batchSize","param":"batch-size","kind":"integer-or-word","min":1,"max":10000,"word":"all","effect":"network","place":"controls","default":"all","example":1,"allowed":"a whole number from 1 to 10000, or all"},
  {"key":"beta1","param":"beta1","kind":"number","min":0,"max":1,"minInclusive":true,"maxInclusive":false,"effect":"retune","place":"controls","default":0.9,"example":0.5,"allowed":"a number from 0 up to (not including) 1"},
  {"key":"beta2","param":"beta2","kind":"number","min":0,"max":1,"minInclusive":true,"maxInclusive":false,"effect":"retune","place":"controls","default":0.999,"example":0.5,"allowed":"a number from 0 up to (not including) 1"},
  {"key":"epsilon","param":"epsilon","kind":"number","min":0,"max":1,"minInclusive":false,"maxInclusive":true,"effect":"retune","place":"controls","default":1e-8,"example":0.5,"allowed":"a number above 0 and at most 1"},
  {"key":"decay","param":"decay","kind":"choice","choices":["none","epoch","interval"],"effect":"retune","place":"controls","default":"none","example":"epoch","allowed":"none, epoch or interval"},
  {"key":"decayRate","param":"decay-rate","kind":"number","min":0,"max":10000,"minInclusive":true,"maxInclusive":true,"effect":"retune","place":"controls","default":1,"example":5000,"allowed":"a number from 0 to 10000"},
  {"key":"decayInterval","param":"decay-interval","kind":"integer","min":1,"max":4294967295,"effect":"retune","place":"controls","default":1000,"example":4294967295,"allowed":"a whole number from 1 to 4294967295"},
  {"key":"seed","param":"seed","kind":"integer","min":0,"max":4294967295,"effect":"network","place":"controls","default":3,"example":4294967295,"allowed":"a whole number from 0 to 4294967295"},
  {"key":"speed","param":"speed","kind":"integer-or-word","min":1,"max":1000000,"word":"max","effect":"page","place":"controls","default":1000,"example":"max","allowed":"a whole number from 1 to 1000000, or max"},
  {"key":"autoplay","param":"autoplay","kind":"flag","effect":"page","place":"nowhere","default":0,"example":1,"allowed":"0 or 1"},
  {"key":"lang","param":"lang","kind":"choice","choices":["en","zh"],"effect":"page","place":"nowhere","default":null,"example":"en","allowed":"en or zh"},
]);
