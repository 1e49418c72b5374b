//! Tags: Get All Stream Tags and Get Stream Tags (deprecated by Twitch), Replace
//! Stream Tags (retired by Twitch).

mod get_all_stream_tags;
mod get_stream_tags;
mod replace_stream_tags;
mod stream_tag;

pub use get_all_stream_tags::GetAllStreamTags;
pub use get_stream_tags::GetStreamTags;
pub use replace_stream_tags::ReplaceStreamTags;
pub use stream_tag::StreamTag;
