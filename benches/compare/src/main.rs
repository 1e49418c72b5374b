//! Ours against twitch_api 0.8, one process, the same bytes, batches
//! alternating between the two so machine noise hits both alike.
//! Prints `name ours_ns peer_ns ratio` (medians; ratio = the median of peer / ours over
//! neighbouring batches: above 1, ours is faster);
//! the batches behind each median go to stderr. An argument runs only the
//! pairs whose name holds it (`twitchapi-compare P3`).
use std::cell::RefCell;
use std::hint::black_box;
use std::time::{Duration, Instant};

use twitchapi_compare::{webhook, ws};

/// Inputs are made (untimed) at most this many at a time.
const CHUNK: usize = 64;
/// Alternating batches per side.
const BATCHES: usize = 15;
/// About how long one batch runs.
const BATCH_TIME: Duration = Duration::from_millis(150);

/// One side: `prepare(n)` makes the inputs of `n` runs, `run` consumes one.
struct Side<P, R> {
    prepare: P,
    run: R,
}

impl<I, T, P: FnMut(usize) -> Vec<I>, R: FnMut(I) -> T> Side<P, R> {
    /// Nanoseconds per run over `iters` runs (making inputs is not counted).
    fn batch(&mut self, iters: u64) -> f64 {
        let (mut left, mut spent) = (iters as usize, Duration::ZERO);
        while left > 0 {
            let inputs = (self.prepare)(left.min(CHUNK));
            left -= inputs.len();
            let t = Instant::now();
            for input in inputs {
                black_box((self.run)(black_box(input)));
            }
            spent += t.elapsed();
        }
        spent.as_nanos() as f64 / iters as f64
    }

    /// How many runs fill [`BATCH_TIME`].
    fn calibrate(&mut self) -> u64 {
        let mut n = 16u64;
        loop {
            let per = self.batch(n);
            if per * n as f64 >= 20e6 {
                return ((BATCH_TIME.as_nanos() as f64 / per) as u64).max(1);
            }
            n *= 2;
        }
    }
}

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(|a, b| a.total_cmp(b));
    runs[runs.len() / 2]
}

/// Median ns per run of each side over alternating batches (only the pairs
/// whose name holds the first argument, when one is given).
fn pair<I, J, T, U>(
    name: &str,
    mut ours: Side<impl FnMut(usize) -> Vec<I>, impl FnMut(I) -> T>,
    mut peer: Side<impl FnMut(usize) -> Vec<J>, impl FnMut(J) -> U>,
) {
    if std::env::args()
        .nth(1)
        .is_some_and(|only| !name.contains(&only))
    {
        return;
    }
    let (io, ip) = (ours.calibrate(), peer.calibrate());
    let (mut ro, mut rp) = (Vec::new(), Vec::new());
    for _ in 0..BATCHES {
        ro.push(ours.batch(io));
        rp.push(peer.batch(ip));
    }
    eprintln!("# {name}: ours {ro:.0?} peer {rp:.0?}");
    // each ratio from two neighbouring batches, so slow drifts of the
    // machine's speed cancel out; the median of those is the figure
    let ratios = ro.iter().zip(&rp).map(|(o, p)| p / o).collect();
    let (o, p) = (median(ro), median(rp));
    println!("{name} {o:.0} {p:.0} {:.2}", median(ratios));
}

/// Inputs for runs that need none (a vector of `()` allocates nothing).
fn nothing(n: usize) -> Vec<()> {
    vec![(); n]
}

fn main() {
    let frame = ws::frame();
    eprintln!("# P2 frame {} bytes", frame.len());
    pair(
        "P2_eventsub_ws_notification_typed",
        Side {
            prepare: nothing,
            run: |()| ws::ours(black_box(&frame)),
        },
        Side {
            prepare: nothing,
            run: |()| ws::peer(black_box(&frame)),
        },
    );

    pair(
        "P2_eventsub_ws_notification_two_step",
        Side {
            prepare: nothing,
            run: |()| ws::ours_two_step(black_box(&frame)),
        },
        Side {
            prepare: nothing,
            run: |()| ws::peer(black_box(&frame)),
        },
    );

    let input = RefCell::new(webhook::Input::new());
    let now = input.borrow().now;
    eprintln!("# P3 body {} bytes", input.borrow().body.len());
    let mut receiver = webhook::receiver();
    pair(
        "P3_eventsub_webhook_verify_dedupe_typed",
        Side {
            prepare: |n| input.borrow_mut().requests(n),
            run: |request| webhook::ours(&mut receiver, request, now),
        },
        Side {
            prepare: |n| input.borrow_mut().requests(n),
            run: |request| webhook::peer(&request),
        },
    );
}
