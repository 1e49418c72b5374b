//! Channels: Get Channel Information, Modify Channel Information.

mod channel_information;
mod get_channel_information;
mod modify_channel_information;

pub use channel_information::ChannelInformation;
pub use get_channel_information::GetChannelInformation;
pub use modify_channel_information::ModifyChannelInformation;
