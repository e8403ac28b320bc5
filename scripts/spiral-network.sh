#!/bin/sh
# Why the spiral comes with its own network (crates/sepal/src/settings/mod.rs,
# `own_network`): the course's network cannot learn it, two layers of 16 tanh
# units from Xavier weights, at the course's learning rate, can. Run from the
# repository root; its output is scripts/spiral-network.txt.
set -e
cargo build --quiet --release -p sepal-cli
cli=target/release/sepal-cli

echo "# The course's network (shallow, 4 tanh units, small weights), 5000 iterations"
$cli train --dataset spiral --model shallow --layers 8,8 --init small --iterations 5000 | tail -1
echo "# Deep 16,16 from small weights, 2000 iterations"
$cli train --dataset spiral --model deep --layers 16,16 --init small --iterations 2000 | tail -1
echo "# Deep 16,16 from Xavier weights (the spiral's own), the cost every 250 iterations"
$cli train --dataset spiral --model deep --layers 16,16 --init xavier --iterations 2000 --log-every 250
echo "# The same after 2000 iterations for other weight and data seeds"
for seed in 1 2 3 4 5 6 7 8; do
  for data in 1 2 3; do
    printf 'seed %s, dataset-seed %s: ' "$seed" "$data"
    $cli train --dataset spiral --model deep --layers 16,16 --init xavier --seed "$seed" --dataset-seed "$data" --iterations 2000 | tail -1
  done
done
