//! Criterion: ours and twitch_api 0.8 in the same run on the same bytes.
//! `cargo bench` in benches/compare (scripts/bench-compare runs the
//! interleaved-batch bin instead, which prints the ratios).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use twitchapi_compare::{webhook, ws};

fn p2_ws(c: &mut Criterion) {
    let frame = ws::frame();
    let mut group = c.benchmark_group("P2 eventsub ws notification to a typed event");
    group.throughput(Throughput::Bytes(frame.len() as u64));
    group.bench_function("ours", |b| b.iter(|| ws::ours(black_box(&frame))));
    group.bench_function("ours, two steps", |b| {
        b.iter(|| ws::ours_two_step(black_box(&frame)))
    });
    group.bench_function("twitch_api", |b| b.iter(|| ws::peer(black_box(&frame))));
    group.finish();
}

fn p3_webhook(c: &mut Criterion) {
    let mut input = webhook::Input::new();
    let now = input.now;
    let mut receiver = webhook::receiver();
    let mut group = c.benchmark_group("P3 eventsub webhook verify, age, repeat check, typed event");
    group.throughput(Throughput::Elements(1));
    group.bench_function("ours", |b| {
        b.iter_batched(
            || input.request(),
            |request| webhook::ours(&mut receiver, request, now),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("twitch_api", |b| {
        b.iter_batched_ref(
            || input.request(),
            |request| webhook::peer(request),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, p2_ws, p3_webhook);
criterion_main!(benches);
