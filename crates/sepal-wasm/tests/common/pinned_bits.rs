// The course run's cost after 1000 iterations, as bits: the same constant is
// asserted natively (tests/native.rs) and in headless Chromium (tests/web.rs),
// which proves the two targets agree to the last bit. It is what the native
// build computes; the course's published value is 0.258625 (REFERENCE.md).
const COST_AFTER_1000_BITS: u64 = 0x3fd0_8d50_288d_f412;

// #16: an Adam mini-batch run — `notebook=optimization&optimizer=adam&dataset=flower`
// (the notebook's 5,2 ReLU network, He weights, batches of 64, on 300 flower
// points: a generator no other setting's work changes) after 1,000 epochs
// (5,000 updates): J of the parameters and the last epoch's printed cost.
// Asserted natively (tests/native.rs), in wasm (tests/web.rs) and by the page
// (tests/optimizers.test.mjs).
const ADAM_BATCH_SETTINGS: [(&str, &str); 3] = [("notebook", "optimization"), ("optimizer", "adam"), ("dataset", "flower")];
const ADAM_BATCH_COST_BITS: u64 = 0x3fe4_a263_d4f0_518c;
const ADAM_BATCH_EPOCH_COST_BITS: u64 = 0x3fe4_a297_9504_c69d;
// #17: a regularised run, `REGULARISED` (L2, L1, dropout with fresh masks,
// on the flower with a deep He network), its cost after 300 iterations as
// bits: the penalties, the masks and the dropped-out passes agree too.
const REGULARISED: [(&str, &str); 6] = [
    ("model", "deep"),
    ("init", "he"),
    ("learning-rate", "0.3"),
    ("l2", "0.7"),
    ("l1", "0.01"),
    ("keep-prob", "0.86"),
];
const REGULARISED_COST_AFTER_300_BITS: u64 = 0x3fdc_1c7c_f8fc_d3f8;
// #17: dropout with mini-batches — `MINI_BATCH_DROPOUT_SETTINGS` (the
// Regularization notebook's network on its football data, fresh masks drawn
// per batch, batches of 64: 64, 64, 64 and a last one of 19) after 330
// updates (82 epochs and two batches): J of the parameters and the last
// epoch's printed cost. Asserted natively (tests/native.rs) and by the page
// (tests/regularization.test.mjs).
const MINI_BATCH_DROPOUT_SETTINGS: [(&str, &str); 4] = [("notebook", "regularization"), ("keep-prob", "0.86"), ("dropout-masks", "fresh"), ("batch-size", "64")];
const MINI_BATCH_DROPOUT_COST_BITS: u64 = 0x3fcd_1826_c4bd_7f3b;
const MINI_BATCH_DROPOUT_EPOCH_COST_BITS: u64 = 0x3fd3_223f_2782_8e6e;
