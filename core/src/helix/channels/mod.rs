//! Channels: Get Channel Information, Modify Channel Information, Get Channel
//! Followers.

mod channel_follower;
mod channel_information;
mod get_channel_followers;
mod get_channel_information;
mod modify_channel_information;

pub use channel_follower::ChannelFollower;
pub use channel_information::ChannelInformation;
pub use get_channel_followers::GetChannelFollowers;
pub use get_channel_information::GetChannelInformation;
pub use modify_channel_information::ModifyChannelInformation;
