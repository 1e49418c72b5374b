use super::wire_enum;

wire_enum! {
    /// An OAuth scope: the seed's 23 scopes plus every scope of today's Twitch
    /// reference (84 known values). Unknown scopes parse to `Unknown`.
    ///
    /// ```
    /// use twitchapi_core::AuthScope;
    /// assert_eq!(AuthScope::UserEdit.as_str(), "user:edit");
    /// assert_eq!(AuthScope::from_wire("channel:read:subscriptions"), AuthScope::ChannelReadSubscriptions);
    /// ```
    pub enum AuthScope {
        /// `analytics:read:extensions` (seed and Twitch).
        AnalyticsReadExtensions = "analytics:read:extensions",
        /// `analytics:read:games` (seed and Twitch).
        AnalyticsReadGames = "analytics:read:games",
        /// `bits:read` (seed and Twitch).
        BitsRead = "bits:read",
        /// `channel:read:subscriptions` (seed and Twitch).
        ChannelReadSubscriptions = "channel:read:subscriptions",
        /// `channel:read:stream_key` (seed and Twitch).
        ChannelReadStreamKey = "channel:read:stream_key",
        /// `channel:edit:commercial` (seed and Twitch).
        ChannelEditCommercial = "channel:edit:commercial",
        /// `channel:read:hype_train` (seed and Twitch).
        ChannelReadHypeTrain = "channel:read:hype_train",
        /// `channel:manage:broadcast` (seed and Twitch).
        ChannelManageBroadcast = "channel:manage:broadcast",
        /// `channel:read:redemptions` (seed and Twitch).
        ChannelReadRedemptions = "channel:read:redemptions",
        /// `channel:manage:redemptions` (seed and Twitch).
        ChannelManageRedemptions = "channel:manage:redemptions",
        /// `clips:edit` (seed and Twitch).
        ClipsEdit = "clips:edit",
        /// `user:edit` (seed and Twitch).
        UserEdit = "user:edit",
        /// `user:edit:broadcast` (seed and Twitch).
        UserEditBroadcast = "user:edit:broadcast",
        /// `user:read:broadcast` (seed and Twitch).
        UserReadBroadcast = "user:read:broadcast",
        /// `user:read:email` (seed and Twitch).
        UserReadEmail = "user:read:email",
        /// `user:edit:follows` (seed only; retired by Twitch).
        UserEditFollows = "user:edit:follows",
        /// `channel:moderate` (seed and Twitch).
        ChannelModerate = "channel:moderate",
        /// `chat:edit` (seed and Twitch).
        ChatEdit = "chat:edit",
        /// `chat:read` (seed and Twitch).
        ChatRead = "chat:read",
        /// `whispers:read` (seed and Twitch).
        WhispersRead = "whispers:read",
        /// `whispers:edit` (seed and Twitch).
        WhispersEdit = "whispers:edit",
        /// `moderation:read` (seed and Twitch).
        ModerationRead = "moderation:read",
        /// `channel_subscriptions` (seed only; retired by Twitch).
        ChannelSubscriptions = "channel_subscriptions",
        /// `channel:bot` (Twitch).
        ChannelBot = "channel:bot",
        /// `channel:manage:ads` (Twitch).
        ChannelManageAds = "channel:manage:ads",
        /// `channel:read:ads` (Twitch).
        ChannelReadAds = "channel:read:ads",
        /// `channel:read:charity` (Twitch).
        ChannelReadCharity = "channel:read:charity",
        /// `channel:manage:clips` (Twitch).
        ChannelManageClips = "channel:manage:clips",
        /// `channel:read:editors` (Twitch).
        ChannelReadEditors = "channel:read:editors",
        /// `channel:manage:extensions` (Twitch).
        ChannelManageExtensions = "channel:manage:extensions",
        /// `channel:read:goals` (Twitch).
        ChannelReadGoals = "channel:read:goals",
        /// `channel:read:guest_star` (Twitch).
        ChannelReadGuestStar = "channel:read:guest_star",
        /// `channel:manage:guest_star` (Twitch).
        ChannelManageGuestStar = "channel:manage:guest_star",
        /// `channel:manage:moderators` (Twitch).
        ChannelManageModerators = "channel:manage:moderators",
        /// `channel:read:polls` (Twitch).
        ChannelReadPolls = "channel:read:polls",
        /// `channel:manage:polls` (Twitch).
        ChannelManagePolls = "channel:manage:polls",
        /// `channel:read:predictions` (Twitch).
        ChannelReadPredictions = "channel:read:predictions",
        /// `channel:manage:predictions` (Twitch).
        ChannelManagePredictions = "channel:manage:predictions",
        /// `channel:manage:raids` (Twitch).
        ChannelManageRaids = "channel:manage:raids",
        /// `channel:manage:schedule` (Twitch).
        ChannelManageSchedule = "channel:manage:schedule",
        /// `channel:manage:videos` (Twitch).
        ChannelManageVideos = "channel:manage:videos",
        /// `channel:read:vips` (Twitch).
        ChannelReadVips = "channel:read:vips",
        /// `channel:manage:vips` (Twitch).
        ChannelManageVips = "channel:manage:vips",
        /// `editor:manage:clips` (Twitch).
        EditorManageClips = "editor:manage:clips",
        /// `moderator:manage:announcements` (Twitch).
        ModeratorManageAnnouncements = "moderator:manage:announcements",
        /// `moderator:manage:automod` (Twitch).
        ModeratorManageAutomod = "moderator:manage:automod",
        /// `moderator:read:automod_settings` (Twitch).
        ModeratorReadAutomodSettings = "moderator:read:automod_settings",
        /// `moderator:manage:automod_settings` (Twitch).
        ModeratorManageAutomodSettings = "moderator:manage:automod_settings",
        /// `moderator:read:banned_users` (Twitch).
        ModeratorReadBannedUsers = "moderator:read:banned_users",
        /// `moderator:manage:banned_users` (Twitch).
        ModeratorManageBannedUsers = "moderator:manage:banned_users",
        /// `moderator:read:blocked_terms` (Twitch).
        ModeratorReadBlockedTerms = "moderator:read:blocked_terms",
        /// `moderator:read:chat_messages` (Twitch).
        ModeratorReadChatMessages = "moderator:read:chat_messages",
        /// `moderator:manage:blocked_terms` (Twitch).
        ModeratorManageBlockedTerms = "moderator:manage:blocked_terms",
        /// `moderator:manage:chat_messages` (Twitch).
        ModeratorManageChatMessages = "moderator:manage:chat_messages",
        /// `moderator:read:chat_settings` (Twitch).
        ModeratorReadChatSettings = "moderator:read:chat_settings",
        /// `moderator:manage:chat_settings` (Twitch).
        ModeratorManageChatSettings = "moderator:manage:chat_settings",
        /// `moderator:read:chatters` (Twitch).
        ModeratorReadChatters = "moderator:read:chatters",
        /// `moderator:read:followers` (Twitch).
        ModeratorReadFollowers = "moderator:read:followers",
        /// `moderator:read:guest_star` (Twitch).
        ModeratorReadGuestStar = "moderator:read:guest_star",
        /// `moderator:manage:guest_star` (Twitch).
        ModeratorManageGuestStar = "moderator:manage:guest_star",
        /// `moderator:read:moderators` (Twitch).
        ModeratorReadModerators = "moderator:read:moderators",
        /// `moderator:read:shield_mode` (Twitch).
        ModeratorReadShieldMode = "moderator:read:shield_mode",
        /// `moderator:manage:shield_mode` (Twitch).
        ModeratorManageShieldMode = "moderator:manage:shield_mode",
        /// `moderator:read:shoutouts` (Twitch).
        ModeratorReadShoutouts = "moderator:read:shoutouts",
        /// `moderator:manage:shoutouts` (Twitch).
        ModeratorManageShoutouts = "moderator:manage:shoutouts",
        /// `moderator:read:suspicious_users` (Twitch).
        ModeratorReadSuspiciousUsers = "moderator:read:suspicious_users",
        /// `moderator:manage:suspicious_users` (Twitch).
        ModeratorManageSuspiciousUsers = "moderator:manage:suspicious_users",
        /// `moderator:read:unban_requests` (Twitch).
        ModeratorReadUnbanRequests = "moderator:read:unban_requests",
        /// `moderator:manage:unban_requests` (Twitch).
        ModeratorManageUnbanRequests = "moderator:manage:unban_requests",
        /// `moderator:read:vips` (Twitch).
        ModeratorReadVips = "moderator:read:vips",
        /// `moderator:read:warnings` (Twitch).
        ModeratorReadWarnings = "moderator:read:warnings",
        /// `moderator:manage:warnings` (Twitch).
        ModeratorManageWarnings = "moderator:manage:warnings",
        /// `user:bot` (Twitch).
        UserBot = "user:bot",
        /// `user:read:blocked_users` (Twitch).
        UserReadBlockedUsers = "user:read:blocked_users",
        /// `user:manage:blocked_users` (Twitch).
        UserManageBlockedUsers = "user:manage:blocked_users",
        /// `user:read:chat` (Twitch).
        UserReadChat = "user:read:chat",
        /// `user:manage:chat_color` (Twitch).
        UserManageChatColor = "user:manage:chat_color",
        /// `user:read:emotes` (Twitch).
        UserReadEmotes = "user:read:emotes",
        /// `user:read:follows` (Twitch).
        UserReadFollows = "user:read:follows",
        /// `user:read:moderated_channels` (Twitch).
        UserReadModeratedChannels = "user:read:moderated_channels",
        /// `user:read:subscriptions` (Twitch).
        UserReadSubscriptions = "user:read:subscriptions",
        /// `user:read:whispers` (Twitch).
        UserReadWhispers = "user:read:whispers",
        /// `user:manage:whispers` (Twitch).
        UserManageWhispers = "user:manage:whispers",
        /// `user:write:chat` (Twitch).
        UserWriteChat = "user:write:chat",
    }
}
