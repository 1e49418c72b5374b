//! One method per Helix endpoint, named as in the seed library. Each takes the
//! endpoint's struct (the seed's parameters) and returns the typed answer.

use twitchapi_core::helix::channels::{
    ChannelInformation, GetChannelInformation, ModifyChannelInformation,
};
use twitchapi_core::helix::clips::{Clip, GetClips};
use twitchapi_core::helix::games::{Game, GetGames, GetTopGames};
use twitchapi_core::helix::search::{
    Category, ChannelSearchResult, SearchCategories, SearchChannels,
};
use twitchapi_core::helix::streams::{GetStreams, Stream};
use twitchapi_core::helix::users::{Follow, GetUsers, GetUsersFollows, UpdateUser, User};
use twitchapi_core::helix::videos::{GetVideos, Video};
use twitchapi_core::helix::HelixResponse;
use twitchapi_core::Error;

use crate::Twitch;

macro_rules! endpoints {
    ($( $(#[$doc:meta])* $name:ident($ty:ty) -> $resp:ty; )*) => {
        impl Twitch {
            $(
                $(#[$doc])*
                pub async fn $name(&self, args: $ty) -> Result<HelixResponse<$resp>, Error> {
                    self.request(&args).await
                }
            )*
        }
    };
}

endpoints! {
    /// Users by id and/or login; with neither, the user of the user token.
    /// See [`GetUsers`].
    get_users(GetUsers) -> Vec<User>;
    /// Follow relationships (retired by Twitch; served by the mock). See [`GetUsersFollows`].
    get_users_follows(GetUsersFollows) -> Vec<Follow>;
    /// Updates the user's description. See [`UpdateUser`].
    update_user(UpdateUser) -> Vec<User>;
    /// Live streams, most viewers first. See [`GetStreams`].
    get_streams(GetStreams) -> Vec<Stream>;
    /// Games by id or name. See [`GetGames`].
    get_games(GetGames) -> Vec<Game>;
    /// Games by current viewers. See [`GetTopGames`].
    get_top_games(GetTopGames) -> Vec<Game>;
    /// A channel's information. See [`GetChannelInformation`].
    get_channel_information(GetChannelInformation) -> Vec<ChannelInformation>;
    /// Changes a channel's game, language or title (204: `data` is `()`).
    /// See [`ModifyChannelInformation`].
    modify_channel_information(ModifyChannelInformation) -> ();
    /// Categories matching a query. See [`SearchCategories`].
    search_categories(SearchCategories) -> Vec<Category>;
    /// Channels matching a query. See [`SearchChannels`].
    search_channels(SearchChannels) -> Vec<ChannelSearchResult>;
    /// Clips by id, broadcaster or game. See [`GetClips`].
    get_clips(GetClips) -> Vec<Clip>;
    /// Videos by id, user or game. See [`GetVideos`].
    get_videos(GetVideos) -> Vec<Video>;
}
