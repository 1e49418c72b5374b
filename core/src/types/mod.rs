//! The seed library's enums (`twitchAPI.types`) with Twitch's wire values.
//!
//! Every enum parses unknown wire values into an `Unknown` variant instead of
//! failing, so a new value on Twitch's side never breaks a running program.
//!
//! ```
//! use twitchapi_core::types::{TimePeriod, VideoType};
//! assert_eq!(TimePeriod::Day.as_str(), "day");
//! assert_eq!(VideoType::from_wire("premiere"), VideoType::Unknown("premiere".into()));
//! ```

mod macros;
mod scope;

pub(crate) use macros::wire_enum;
pub use scope::AuthScope;

wire_enum! {
    /// Type of an analytics report (`type` of Get Extension/Game Analytics).
    pub enum AnalyticsReportType {
        /// Overview report, version 1.
        V1 = "overview_v1",
        /// Overview report, version 2.
        V2 = "overview_v2",
    }
}

wire_enum! {
    /// Status of a Bits code (Get Code Status / Redeem Code).
    pub enum CodeStatus {
        /// The code was redeemed.
        SuccessfullyRedeemed = "SUCCESSFULLY_REDEEMED",
        /// The code was already claimed.
        AlreadyClaimed = "ALREADY_CLAIMED",
        /// The code expired.
        Expired = "EXPIRED",
        /// The user may not redeem the code.
        UserNotEligible = "USER_NOT_ELIGIBLE",
        /// The code does not exist.
        NotFound = "NOT_FOUND",
        /// The code is not active.
        Inactive = "INACTIVE",
        /// The code was not used yet.
        Unused = "UNUSED",
        /// The code is malformed.
        IncorrectFormat = "INCORRECT_FORMAT",
        /// Twitch failed internally.
        InternalError = "INTERNAL_ERROR",
        /// The seed's placeholder for values it did not know.
        UnknownValue = "UNKNOWN_VALUE",
    }
}

wire_enum! {
    /// Status of a custom reward redemption.
    pub enum CustomRewardRedemptionStatus {
        /// Waiting in the queue.
        Unfulfilled = "UNFULFILLED",
        /// Fulfilled.
        Fulfilled = "FULFILLED",
        /// Canceled (points refunded).
        Canceled = "CANCELED",
    }
}

wire_enum! {
    /// How a user contributed to a Hype Train.
    pub enum HypeTrainContributionMethod {
        /// Cheered Bits.
        Bits = "BITS",
        /// Subscriptions.
        Subs = "SUBS",
        /// Any other contribution (Twitch's own "OTHER").
        Other = "OTHER",
        /// The seed's explicit unknown value.
        UnknownMethod = "UNKNOWN",
    }
}

wire_enum! {
    /// Type of a moderation event.
    pub enum ModerationEventType {
        /// A user was banned.
        Ban = "moderation.user.ban",
        /// A user was unbanned.
        Unban = "moderation.user.unban",
        /// A moderator was added.
        ModeratorAdd = "moderation.moderator.add",
        /// A moderator was removed.
        ModeratorRemove = "moderation.moderator.remove",
    }
}

wire_enum! {
    /// The `error` field of a PubSub RESPONSE.
    pub enum PubSubResponseError {
        /// No error.
        None = "",
        /// The message was malformed.
        BadMessage = "ERR_BADMESSAGE",
        /// The auth token is invalid.
        BadAuth = "ERR_BADAUTH",
        /// Server error.
        Server = "ERR_SERVER",
        /// The topic is invalid.
        BadTopic = "ERR_BADTOPIC",
    }
}

wire_enum! {
    /// Sort method of videos.
    pub enum SortMethod {
        /// Newest first.
        Time = "time",
        /// Trending first.
        Trending = "trending",
        /// Most viewed first.
        Views = "views",
    }
}

wire_enum! {
    /// Sort order of redemptions.
    pub enum SortOrder {
        /// Oldest first.
        Oldest = "OLDEST",
        /// Newest first.
        Newest = "NEWEST",
    }
}

wire_enum! {
    /// A time period (bits leaderboard, videos).
    pub enum TimePeriod {
        /// All time.
        All = "all",
        /// One day.
        Day = "day",
        /// One week.
        Week = "week",
        /// One month.
        Month = "month",
        /// One year.
        Year = "year",
    }
}

wire_enum! {
    /// Type of a video.
    pub enum VideoType {
        /// Every type (request filter only).
        All = "all",
        /// An uploaded video.
        Upload = "upload",
        /// A past broadcast.
        Archive = "archive",
        /// A highlight.
        Highlight = "highlight",
    }
}

wire_enum! {
    /// The kind of authentication an endpoint requires (the seed's internal `AuthType`).
    pub enum AuthType {
        /// No authentication.
        None = "none",
        /// A user access token.
        User = "user",
        /// An app access token.
        App = "app",
        /// Either token.
        Either = "either",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_unknowns() {
        for v in VideoType::ALL {
            assert_eq!(&VideoType::from_wire(v.as_str()), v);
        }
        let parsed: CustomRewardRedemptionStatus = serde_json::from_str("\"FULFILLED\"").unwrap();
        assert_eq!(parsed, CustomRewardRedemptionStatus::Fulfilled);
        let unknown: SortMethod = serde_json::from_str("\"random\"").unwrap();
        assert_eq!(unknown, SortMethod::Unknown("random".into()));
        assert!(!unknown.is_known());
        assert_eq!(serde_json::to_string(&unknown).unwrap(), "\"random\"");
        assert_eq!(AnalyticsReportType::V2.to_string(), "overview_v2");
        assert_eq!(
            PubSubResponseError::from_wire(""),
            PubSubResponseError::None
        );
    }
}
