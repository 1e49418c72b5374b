//! The list of every endpoint, for code that dispatches by the seed's method
//! name (the CLI, the JavaScript bindings).

/// Invokes macro `$m` with the list of every endpoint as
/// `method_name => category::Type,` pairs: the method name (the seed's, for
/// the seed's 48) and the endpoint struct below `twitchapi_core::helix`.
/// The seed's 48 come first, in the seed's order; today's Helix endpoints
/// the seed never had follow them.
///
/// ```
/// macro_rules! count {
///     ($($name:ident => $cat:ident::$ty:ident,)*) => { [$(stringify!($name)),*].len() };
/// }
/// let n = twitchapi_core::for_each_endpoint!(count);
/// assert_eq!(n, 50);
/// ```
#[macro_export]
macro_rules! for_each_endpoint {
    ($m:ident) => {
        $m! {
            get_users => users::GetUsers,
            get_users_follows => users::GetUsersFollows,
            update_user => users::UpdateUser,
            get_streams => streams::GetStreams,
            get_games => games::GetGames,
            get_top_games => games::GetTopGames,
            get_channel_information => channels::GetChannelInformation,
            modify_channel_information => channels::ModifyChannelInformation,
            search_categories => search::SearchCategories,
            search_channels => search::SearchChannels,
            get_clips => clips::GetClips,
            get_videos => videos::GetVideos,
            start_commercial => ads::StartCommercial,
            get_extension_analytics => analytics::GetExtensionAnalytics,
            get_game_analytics => analytics::GetGameAnalytics,
            get_bits_leaderboard => bits::GetBitsLeaderboard,
            get_cheermotes => bits::GetCheermotes,
            get_extension_transactions => extensions::GetExtensionTransactions,
            create_custom_reward => channel_points::CreateCustomReward,
            delete_custom_reward => channel_points::DeleteCustomReward,
            get_custom_reward => channel_points::GetCustomReward,
            get_custom_reward_redemption => channel_points::GetCustomRewardRedemption,
            update_custom_reward => channel_points::UpdateCustomReward,
            update_redemption_status => channel_points::UpdateRedemptionStatus,
            create_clip => clips::CreateClip,
            create_entitlement_grants_upload_url => entitlements::CreateEntitlementGrantsUploadUrl,
            get_code_status => entitlements::GetCodeStatus,
            redeem_code => entitlements::RedeemCode,
            get_drops_entitlements => entitlements::GetDropsEntitlements,
            get_hype_train_events => hype_train::GetHypeTrainEvents,
            check_automod_status => moderation::CheckAutomodStatus,
            get_banned_events => moderation::GetBannedEvents,
            get_banned_users => moderation::GetBannedUsers,
            get_moderator_events => moderation::GetModeratorEvents,
            get_moderators => moderation::GetModerators,
            get_stream_key => streams::GetStreamKey,
            create_stream_marker => streams::CreateStreamMarker,
            get_stream_markers => streams::GetStreamMarkers,
            get_broadcaster_subscriptions => subscriptions::GetBroadcasterSubscriptions,
            get_all_stream_tags => tags::GetAllStreamTags,
            get_stream_tags => tags::GetStreamTags,
            replace_stream_tags => tags::ReplaceStreamTags,
            create_user_follows => users::CreateUserFollows,
            delete_user_follows => users::DeleteUserFollows,
            get_user_extensions => users::GetUserExtensions,
            get_user_active_extensions => users::GetUserActiveExtensions,
            update_user_extensions => users::UpdateUserExtensions,
            get_webhook_subscriptions => webhooks::GetWebhookSubscriptions,
            get_channel_followers => channels::GetChannelFollowers,
            send_chat_message => chat::SendChatMessage,
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::helix::Endpoint;

    /// The struct's serde field names, read from the `deny_unknown_fields` error.
    fn serde_fields<E: Endpoint + serde::de::DeserializeOwned>() -> Vec<String> {
        let err = match serde_json::from_str::<E>(r#"{"\u0001":0}"#) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("{} accepts unknown fields", E::NAME),
        };
        let list = err
            .split("expected ")
            .nth(1)
            .unwrap_or_default()
            .split(" at line")
            .next()
            .unwrap_or_default();
        list.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    macro_rules! check_all {
        ($($name:ident => $cat:ident::$ty:ident,)*) => {{
            let mut names = Vec::new();
            $(
                assert_eq!(<crate::helix::$cat::$ty as Endpoint>::NAME, stringify!($name));
                let params: Vec<String> = <crate::helix::$cat::$ty as Endpoint>::PARAMS
                    .iter()
                    .map(|p| p.split(':').next().unwrap().to_owned())
                    .collect();
                assert_eq!(params, serde_fields::<crate::helix::$cat::$ty>(), "PARAMS of {}", stringify!($name));
                names.push(stringify!($name));
            )*
            names
        }};
    }

    #[test]
    fn params_match_fields_and_names_are_unique() {
        let mut names = for_each_endpoint!(check_all);
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
    }
}
