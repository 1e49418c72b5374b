//! The PubSub methods of [`MockServer`]: delivery, triggers, fault switches
//! and what tests inspect.

use std::time::Duration;

use super::{messages, Command};
use crate::state::lock;
use crate::MockServer;

impl MockServer {
    /// PubSub websocket URL, `ws://127.0.0.1:PORT/pubsub`.
    ///
    /// The opening handshake (`GET /pubsub`) is an HTTP request like the
    /// others: it is recorded ([`count`](Self::count)), waits out
    /// [`set_delay`](Self::set_delay), and [`fail_next`](Self::fail_next),
    /// [`drop_next`](Self::drop_next) or [`reset_next`](Self::reset_next)
    /// on `"/pubsub"` refuse the next connects.
    pub fn pubsub_url(&self) -> String {
        format!("ws://{}/pubsub", self.addr)
    }

    /// Delivers `message` on `topic`: every connection listening to it gets
    /// `{"type":"MESSAGE","data":{"topic":..,"message":".."}}`, with
    /// `message` serialized into a JSON string as Twitch did. Returns how
    /// many connections it went to.
    pub fn pubsub_send(&self, topic: &str, message: serde_json::Value) -> usize {
        lock(&self.shared).pubsub.send(topic, &message)
    }

    /// A viewer (the seeded `user1`) redeems a reward titled `reward_title`
    /// in `channel_id`'s channel: a `reward-redeemed` message on
    /// `channel-points-channel-v1.<channel_id>`. Returns how many
    /// connections it went to.
    pub fn pubsub_channel_points_redemption(&self, channel_id: &str, reward_title: &str) -> usize {
        let mut state = lock(&self.shared);
        let message = messages::redemption(&mut state, channel_id, reward_title);
        let topic = format!("channel-points-channel-v1.{channel_id}");
        state.pubsub.send(&topic, &message)
    }

    /// `from_login` whispers `text` to `to_user_id`: a `whisper_received`
    /// message on `whispers.<to_user_id>` (its `data` holds the whisper as a
    /// JSON string, `data_object` as an object). Returns how many
    /// connections it went to.
    pub fn pubsub_whisper(&self, to_user_id: &str, from_login: &str, text: &str) -> usize {
        let mut state = lock(&self.shared);
        let message = messages::whisper(&mut state, to_user_id, from_login, text);
        state
            .pubsub
            .send(&format!("whispers.{to_user_id}"), &message)
    }

    /// `from_login` cheers `bits` Bits with `chat_message` in `channel_id`'s
    /// channel: a `bits_event` message on `channel-bits-events-v2.<channel_id>`.
    /// Returns how many connections it went to.
    pub fn pubsub_bits(
        &self,
        channel_id: &str,
        from_login: &str,
        bits: u64,
        chat_message: &str,
    ) -> usize {
        let mut state = lock(&self.shared);
        let message = messages::bits(&mut state, channel_id, from_login, bits, chat_message);
        let topic = format!("channel-bits-events-v2.{channel_id}");
        state.pubsub.send(&topic, &message)
    }

    /// Sends `{"type":"RECONNECT"}` on every connection (Twitch's "reconnect
    /// within 30 seconds"); the connections stay open. Returns how many.
    pub fn pubsub_reconnect(&self) -> usize {
        lock(&self.shared)
            .pubsub
            .broadcast(r#"{"type":"RECONNECT"}"#)
    }

    /// While `on`, PINGs get no PONG (the connections stay open).
    pub fn pubsub_withhold_pong(&self, on: bool) {
        lock(&self.shared).pubsub.withhold_pong = on;
    }

    /// Closes every connection abruptly: no close frame, the TCP connection
    /// is reset. They count as gone at once. Returns how many there were.
    pub fn pubsub_drop_connections(&self) -> usize {
        lock(&self.shared).pubsub.end_all(|| Command::Drop)
    }

    /// Every RESPONSE (to LISTEN and UNLISTEN) goes out `delay` late;
    /// `Duration::ZERO` answers at once again. PONGs are not delayed.
    pub fn pubsub_response_delay(&self, delay: Duration) {
        lock(&self.shared).pubsub.response_delay = delay;
    }

    /// While `on`, LISTEN and UNLISTEN get no RESPONSE at all (their effect
    /// still applies).
    pub fn pubsub_drop_responses(&self, on: bool) {
        lock(&self.shared).pubsub.drop_responses = on;
    }

    /// LISTEN batches containing `topic` are answered `ERR_BADTOPIC` (and
    /// none of their topics is listened to), even if the topic is valid.
    pub fn pubsub_refuse_topic(&self, topic: &str) {
        lock(&self.shared)
            .pubsub
            .refused_topics
            .insert(topic.to_owned());
    }

    /// Undoes [`pubsub_refuse_topic`](Self::pubsub_refuse_topic) for `topic`.
    pub fn pubsub_allow_topic(&self, topic: &str) {
        lock(&self.shared).pubsub.refused_topics.remove(topic);
    }

    /// Sends `text` as a raw text frame on every connection (garbage, a
    /// truncated frame, an unknown type). Returns how many.
    pub fn pubsub_send_garbage(&self, text: &str) -> usize {
        lock(&self.shared).pubsub.broadcast(text)
    }

    /// How many PubSub connections are open.
    pub fn pubsub_connections(&self) -> usize {
        lock(&self.shared).pubsub.connections()
    }

    /// How many connections listen to `topic` (after a successful LISTEN).
    pub fn pubsub_listening(&self, topic: &str) -> usize {
        lock(&self.shared).pubsub.listening(topic)
    }

    /// Every frame received on any connection, in order: parsed JSON, or a
    /// JSON string holding the text of a frame that was not JSON.
    pub fn pubsub_frames(&self) -> Vec<serde_json::Value> {
        lock(&self.shared).pubsub.frames.clone()
    }

    /// The received frames of one `type` (`"LISTEN"`, `"PING"`, ...).
    pub fn pubsub_frames_of(&self, kind: &str) -> Vec<serde_json::Value> {
        lock(&self.shared)
            .pubsub
            .frames
            .iter()
            .filter(|f| f["type"] == kind)
            .cloned()
            .collect()
    }

    /// Forgets the received frames.
    pub fn pubsub_clear_frames(&self) {
        lock(&self.shared).pubsub.frames.clear();
    }
}
