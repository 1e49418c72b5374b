//! Streams: Get Streams, Get Stream Key, Create Stream Marker, Get Stream Markers.

mod create_stream_marker;
mod created_marker;
mod get_stream_key;
mod get_stream_markers;
mod get_streams;
mod stream;
mod stream_key;
mod stream_markers;

pub use create_stream_marker::CreateStreamMarker;
pub use created_marker::CreatedMarker;
pub use get_stream_key::GetStreamKey;
pub use get_stream_markers::GetStreamMarkers;
pub use get_streams::GetStreams;
pub use stream::Stream;
pub use stream_key::StreamKey;
pub use stream_markers::{Marker, StreamMarkers, VideoMarkers};
