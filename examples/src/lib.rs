//! Examples live in this folder; run them with `cargo run -p twitchapi-examples --example NAME`.
