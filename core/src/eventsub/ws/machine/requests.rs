//! The Helix side of an [`EventSubWs`]: creating and deleting subscriptions
//! and reading Twitch's answers (cost, ids).

use http::header;
use uuid::Uuid;

use super::{EventSubWs, Purpose};
use crate::eventsub::ws::types::{Event, SocketId, Transmit};
use crate::helix::{error_for_status, error_message, Auth, Scopes};
use crate::machine::TransmitId;
use crate::{Error, Instant};

impl EventSubWs {
    /// The answer to a Helix request.
    pub fn handle_response(
        &mut self,
        id: TransmitId,
        response: http::Response<Vec<u8>>,
        _now: Instant,
    ) {
        let Some(Purpose::Create(uuid)) = self.in_flight.remove(&id) else {
            return; // deletes: 204, or 404 when Twitch removed it already
        };
        let status = response.status();
        if !status.is_success() {
            let error = error_for_status(status, error_message(status, response.body()), None);
            return self.create_failed(uuid, error);
        }
        #[derive(serde::Deserialize)]
        struct Created {
            data: Vec<CreatedSub>,
            #[serde(default)]
            total_cost: Option<u64>,
            #[serde(default)]
            max_total_cost: Option<u64>,
        }
        #[derive(serde::Deserialize)]
        struct CreatedSub {
            id: String,
        }
        let created: Created = match serde_json::from_slice(response.body()) {
            Ok(created) => created,
            Err(e) => {
                return self.create_failed(uuid, Error::Protocol(format!("create answer: {e}")))
            }
        };
        if let Some(total) = created.total_cost {
            self.total_cost = total;
        }
        if created.max_total_cost.is_some() {
            self.max_total_cost = created.max_total_cost;
        }
        let Some(sub) = created.data.into_iter().next() else {
            return self.create_failed(uuid, Error::Protocol("create answer without data".into()));
        };
        let current = self.wanted.get(&uuid).map(|w| {
            let session = w.creating.as_ref().map(|(_, s)| s.clone());
            (w.conn, session)
        });
        match current {
            Some((conn, made_for)) if made_for == self.conns[conn].session_id => {
                if let Some(w) = self.wanted.get_mut(&uuid) {
                    w.creating = None;
                    w.subscription_id = Some(sub.id.clone());
                    self.events.push_back(Event::Subscribed {
                        uuid,
                        subscription_id: sub.id,
                        kind: w.kind.clone(),
                        version: w.version.clone(),
                    });
                }
            }
            // unlistened meanwhile, or made for a session that died: an orphan
            _ => self.delete(&sub.id),
        }
    }

    /// A Helix request failed without an answer.
    pub fn handle_transport_error(&mut self, id: TransmitId, error: Error, _now: Instant) {
        if let Some(Purpose::Create(uuid)) = self.in_flight.remove(&id) {
            self.create_failed(uuid, error);
        }
    }

    pub(super) fn create_failed(&mut self, uuid: Uuid, error: Error) {
        if let Some(w) = self.wanted.remove(&uuid) {
            self.events.push_back(Event::SubscribeFailed {
                uuid,
                kind: w.kind,
                version: w.version,
                error,
            });
            if !self.wanted.values().any(|x| x.conn == w.conn) {
                self.close_conn(w.conn);
            }
        }
    }

    pub(super) fn create(&mut self, uuid: Uuid) {
        let Some(w) = self.wanted.get(&uuid) else {
            return;
        };
        let Some(session_id) = self.conns[w.conn].session_id.clone() else {
            return;
        };
        let body = serde_json::json!({
            "type": w.kind,
            "version": w.version,
            "condition": w.condition,
            "transport": {"method": "websocket", "session_id": session_id},
        });
        let request = http::Request::post(&self.subs_url)
            .header(crate::helix::headers::CLIENT_ID, &self.client_id)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body.to_string().into_bytes());
        let Ok(request) = request else {
            return self.create_failed(uuid, Error::invalid("cannot build the create request"));
        };
        // the type's scopes: a user token without them fails in the session
        // before anything is sent (SubscribeFailed with MissingScope)
        let scopes =
            crate::eventsub::types::required_scopes(&w.kind, &w.version).unwrap_or(Scopes::NONE);
        let id = self.next_transmit();
        self.in_flight.insert(id, Purpose::Create(uuid));
        if let Some(w) = self.wanted.get_mut(&uuid) {
            w.creating = Some((id, session_id));
        }
        self.transmits.push_back(Transmit::Helix {
            id,
            auth: Auth::User(scopes),
            request: Box::new(request),
        });
    }

    pub(super) fn delete(&mut self, subscription_id: &str) {
        let query: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("id", subscription_id)
            .finish();
        let Ok(request) = http::Request::delete(format!("{}?{query}", self.subs_url))
            .header(crate::helix::headers::CLIENT_ID, &self.client_id)
            .body(Vec::new())
        else {
            return;
        };
        let id = self.next_transmit();
        self.in_flight.insert(id, Purpose::Delete);
        self.transmits.push_back(Transmit::Helix {
            id,
            auth: Auth::User(Scopes::NONE),
            request: Box::new(request),
        });
    }

    pub(super) fn next_transmit(&mut self) -> TransmitId {
        self.next_id += 1;
        TransmitId(self.next_id)
    }

    pub(super) fn new_socket(&mut self) -> SocketId {
        self.next_id += 1;
        SocketId(self.next_id)
    }

    pub(super) fn new_uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}
