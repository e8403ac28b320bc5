use super::*;

#[test]
fn the_pass_cost_is_the_logits_cost_to_the_bit() {
    for (sizes, m) in [
        (&[2, 4, 1][..], 400),
        (&[2, 1], 7),
        (&[2, 3, 5, 1], 130),
        (&[2, 6, 1], 1),
    ] {
        let net = Network::new(sizes, Activation::Tanh, Init::He, 9);
        let x = Array2::from_shape_fn((2, m), |(i, k)| ((k * 7 + i * 3) % 11) as f64 - 5.0);
        let y: Vec<f64> = (0..m).map(|k| (k % 3 == 0) as u8 as f64).collect();
        let mut pass = ForwardPass::new(&net, m);
        net.forward(x.view(), &mut pass);
        let direct = cross_entropy(pass.output_logits(), &y);
        assert_eq!(pass.cross_entropy(&y).to_bits(), direct.to_bits(), "{sizes:?}, m = {m}");
    }
}

/// #17: the plain pass on a dropped-out pass's A[1] (the trainer's,
/// for the accuracy of a dropout run) is the whole plain pass to the
/// bit, without its own layer 1.
#[test]
fn a_plain_pass_above_a_dropped_out_first_layer_is_the_plain_pass() {
    for (sizes, m) in [(&[2, 20, 3, 1][..], 211), (&[2, 5, 1], 7)] {
        let net = Network::new(sizes, Activation::Relu, Init::He, 3);
        let x = Array2::from_shape_fn((2, m), |(i, k)| libm::sin((k * 5 + i * 3) as f64));
        let y: Vec<f64> = (0..m).map(|k| (k % 2) as f64).collect();
        let mut whole = ForwardPass::new(&net, m);
        net.forward(x.view(), &mut whole);
        let mut dropped = ForwardPass::with_dropout(&net, m, 0.5);
        for mask in dropped.dropout_masks_mut() {
            mask.iter_mut()
                .enumerate()
                .for_each(|(k, d)| *d = (k % 3 != 0) as u8 as f64);
        }
        net.forward(x.view(), &mut dropped);
        let mut above = ForwardPass::unallocated(&net, m);
        net.forward_above_first(x.view(), &dropped, &mut above);
        let bits = |a: ArrayView2<f64>| a.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        for l in 1..net.layers.len() {
            assert_eq!(
                bits(above.pre_activations(l)),
                bits(whole.pre_activations(l)),
                "{sizes:?}: Z[{}]",
                l + 1
            );
            assert_eq!(
                bits(above.activations(l)),
                bits(whole.activations(l)),
                "{sizes:?}: A[{}]",
                l + 1
            );
        }
        assert_eq!(above.cross_entropy(&y).to_bits(), whole.cross_entropy(&y).to_bits());
        assert_eq!(above.z[0].ncols(), 0, "its own layer 1 is never allocated");
    }
}
