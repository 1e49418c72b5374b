//! Streams: Get Streams.

mod get_streams;
mod stream;

pub use get_streams::GetStreams;
pub use stream::Stream;
