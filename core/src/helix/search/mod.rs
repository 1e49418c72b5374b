//! Search: Search Categories, Search Channels.

mod category;
mod channel_search_result;
mod search_categories;
mod search_channels;

pub use category::Category;
pub use channel_search_result::ChannelSearchResult;
pub use search_categories::SearchCategories;
pub use search_channels::SearchChannels;
