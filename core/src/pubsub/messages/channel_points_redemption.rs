//! `channel-points-channel-v1.<channel_id>`: channel points redemptions and
//! reward changes in the channel.
//!
//! The message is `{"type": ..., "data": {"timestamp": ..., <one payload>}}`; the
//! payload depends on `type` (see [`ChannelPointsData`]).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{Redemption, RedemptionStatus, Reward};

string_enum! {
    /// The `type` of a channel points message.
    ChannelPointsMessageType {
        /// `reward-redeemed`: a viewer redeemed a reward ([`ChannelPointsData::redemption`]).
        RewardRedeemed => "reward-redeemed",
        /// `redemption-status-update`: a redemption was fulfilled or cancelled
        /// ([`ChannelPointsData::redemption`]).
        RedemptionStatusUpdate => "redemption-status-update",
        /// `custom-reward-created` ([`ChannelPointsData::new_reward`]).
        CustomRewardCreated => "custom-reward-created",
        /// `custom-reward-updated` ([`ChannelPointsData::updated_reward`]).
        CustomRewardUpdated => "custom-reward-updated",
        /// `custom-reward-deleted` ([`ChannelPointsData::deleted_reward`]).
        CustomRewardDeleted => "custom-reward-deleted",
        /// `update-redemption-statuses-progress`: a bulk status change is running
        /// ([`ChannelPointsData::progress`]).
        UpdateRedemptionStatusesProgress => "update-redemption-statuses-progress",
        /// `update-redemption-statuses-finished`: a bulk status change finished
        /// ([`ChannelPointsData::progress`]).
        UpdateRedemptionStatusesFinished => "update-redemption-statuses-finished",
    }
}

/// A channel points message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPointsRedemption {
    /// `type`: what happened.
    #[serde(rename = "type")]
    pub kind: ChannelPointsMessageType,
    /// The timestamp and the payload.
    pub data: ChannelPointsData,
}

/// The `data` of a channel points message: a timestamp and the one payload its
/// `type` carries (the others are `None`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPointsData {
    /// When the event happened.
    #[serde(with = "crate::serde_util::rfc3339")]
    pub timestamp: OffsetDateTime,
    /// The redemption (`reward-redeemed`, `redemption-status-update`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redemption: Option<Redemption>,
    /// The new reward (`custom-reward-created`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_reward: Option<Reward>,
    /// The reward as it is now (`custom-reward-updated`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_reward: Option<Reward>,
    /// The reward that was deleted (`custom-reward-deleted`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_reward: Option<Reward>,
    /// Progress of a bulk status change (`update-redemption-statuses-*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<RedemptionProgress>,
}

/// Progress of a bulk redemption status change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RedemptionProgress {
    /// Id of the bulk change.
    pub id: String,
    /// Id of the channel.
    pub channel_id: String,
    /// How the redemptions were picked (`BY_CHANNEL`, `BY_REWARD`, ...).
    #[serde(default)]
    pub method: String,
    /// The status the redemptions get.
    pub new_status: RedemptionStatus,
    /// Redemptions processed so far.
    pub processed: u64,
    /// Redemptions to process.
    pub total: u64,
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::super::test_util::message;
    use super::*;

    const FILE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/pubsub/channel-points-channel-v1.json"
    ));

    fn parse(name: &str) -> ChannelPointsRedemption {
        serde_json::from_str(&message(FILE, name).message).unwrap()
    }

    #[test]
    fn parses_a_redemption() {
        let m = parse("channel_point_redeem");
        assert_eq!(m.kind, ChannelPointsMessageType::RewardRedeemed);
        assert_eq!(
            m.data.timestamp,
            datetime!(2020-10-10 19:13:30.536153182 UTC)
        );
        let r = m.data.redemption.expect("a redemption");
        assert_eq!(r.id, "b021f290-bedb-49c2-b90f-e6ceb1c0d4ab");
        assert_eq!(r.user.login, "emilgardis");
        assert_eq!(r.channel_id, "27620241");
        assert_eq!(r.redeemed_at, datetime!(2020-10-10 19:13:30.536153182 UTC));
        assert_eq!(r.user_input.as_deref(), Some("bap"));
        assert_eq!(r.status, RedemptionStatus::Unfulfilled);
        assert_eq!(r.cursor, None);
        let reward = &r.reward;
        assert_eq!(reward.title, "Hydration");
        assert_eq!(reward.cost, 2000);
        assert!(reward.is_user_input_required);
        assert_eq!(reward.image, None);
        assert_eq!(
            reward.default_image.as_ref().unwrap().url_4x,
            "https://static-cdn.jtvnw.net/custom-reward-images/default-4.png"
        );
        assert_eq!(reward.max_per_stream.as_ref().unwrap().max_per_stream, 10);
        assert_eq!(
            reward.updated_for_indicator_at,
            Some(datetime!(2020-02-06 17:29:19.737311439 UTC))
        );
        assert_eq!(reward.cooldown_expires_at, None);
        assert_eq!(reward.redemptions_redeemed_current_stream, Some(0));
        assert!(m.data.updated_reward.is_none() && m.data.progress.is_none());
    }

    #[test]
    fn parses_a_status_update_and_a_reward_update() {
        let m = parse("redemption_status_update");
        assert_eq!(m.kind, ChannelPointsMessageType::RedemptionStatusUpdate);
        let r = m.data.redemption.unwrap();
        assert_eq!(r.status, RedemptionStatus::ActionTaken);
        assert!(r.cursor.unwrap().starts_with("ODQ0ZmZm"));
        assert_eq!(r.reward.default_image, None);
        assert_eq!(r.reward.redemptions_redeemed_current_stream, None);

        let m = parse("channel_reward_updated");
        assert_eq!(m.kind, ChannelPointsMessageType::CustomRewardUpdated);
        let reward = m.data.updated_reward.unwrap();
        assert_eq!(reward.id, "071397fb-cd09-420d-8d64-f9fd35f5cdfa");
        assert_eq!(reward.cost, 20000);
        assert!(reward.is_paused);
        assert_eq!(reward.background_color, "#FF6C00");
        assert_eq!(reward.max_per_stream.unwrap().max_per_stream, 6);
    }

    #[test]
    fn parses_bulk_progress() {
        for (name, kind, processed) in [
            (
                "update_redemption_statuses_progress",
                ChannelPointsMessageType::UpdateRedemptionStatusesProgress,
                1,
            ),
            (
                "update_redemption_statuses_finished",
                ChannelPointsMessageType::UpdateRedemptionStatusesFinished,
                2,
            ),
        ] {
            let m = parse(name);
            assert_eq!(m.kind, kind);
            let p = m.data.progress.unwrap();
            assert_eq!(p.channel_id, "1337");
            assert_eq!(p.method, "BY_CHANNEL");
            assert_eq!(p.new_status, RedemptionStatus::Fulfilled);
            assert_eq!((p.processed, p.total), (processed, 2));
        }
    }

    #[test]
    fn writes_the_wire_shape_back() {
        for name in [
            "channel_point_redeem",
            "channel_reward_updated",
            "redemption_status_update",
            "update_redemption_statuses_finished",
        ] {
            let text = message(FILE, name).message;
            let m: ChannelPointsRedemption = serde_json::from_str(&text).unwrap();
            let wire: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(serde_json::to_value(&m).unwrap(), wire, "{name}");
        }
    }

    #[test]
    fn an_unknown_type_still_parses() {
        let m: ChannelPointsRedemption = serde_json::from_str(
            r#"{"type":"reward-sparkled","data":{"timestamp":"2021-02-15T00:36:55Z","x":{}}}"#,
        )
        .unwrap();
        assert_eq!(
            m.kind,
            ChannelPointsMessageType::Unknown("reward-sparkled".into())
        );
        assert_eq!(m.kind.as_str(), "reward-sparkled");
    }
}
