//! Order statuses: the text as shown, classified into a normalised state.
//!
//! The mapping is data, by language, from `docs/site-facts.md`, "Status wordings" (English and pt_BR verified;
//! the other languages are the pages' own words where sources give them, otherwise the
//! assistant's best reading, marked [G]). Unknown text classifies as `Unknown` and the parser
//! adds a warning, so a new wording never silently becomes "completed".

use serde::{Deserialize, Serialize};

use super::lowercase::lower;

/// The normalised order state of the backup format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderState {
    /// Not paid yet.
    AwaitingPayment,
    /// Paid, not shipped.
    AwaitingShipment,
    /// Shipped, not delivered.
    AwaitingDelivery,
    /// Finished.
    Completed,
    /// Cancelled, closed or expired: finished without delivery.
    Closed,
    /// A wording the assistant doesn't know.
    Unknown,
}

use OrderState::*;

/// Status wordings by state, compared after lower-casing and collapsing spaces.
pub const STATUS_TEXTS: &[(&str, OrderState)] = &[
    // English [V]
    ("to pay", AwaitingPayment),
    ("awaiting payment", AwaitingPayment),
    ("payment being verified", AwaitingPayment),
    ("payment not yet confirmed", AwaitingPayment),
    ("processing", AwaitingShipment),
    ("awaiting shipment", AwaitingShipment),
    ("to ship", AwaitingShipment),
    ("ready to ship", AwaitingShipment),
    ("paid", AwaitingShipment),
    ("not shipped", AwaitingShipment),
    ("awaiting cancellation", AwaitingShipment),
    ("partial shipment", AwaitingDelivery),
    // "Processed" is the tab of code `shipped`, never seen as a card's own status: it has
    // no assumed meaning, so an order showing it is asked about (docs/site-facts.md).
    ("shipped", AwaitingDelivery),
    ("awaiting delivery", AwaitingDelivery),
    ("awaiting feedback", Completed),
    ("completed", Completed),
    ("order completed", Completed),
    ("finished", Completed),
    ("closed", Closed),
    ("canceled", Closed),
    ("cancelled", Closed),
    ("order cancelled", Closed),
    ("order canceled", Closed),
    ("expired", Closed),
    ("payment expired", Closed),
    // Portuguese (Brazil) [V]
    ("a ser pago", AwaitingPayment),
    ("aguardando pagamento", AwaitingPayment),
    ("processando", AwaitingShipment),
    ("aguardando envio", AwaitingShipment),
    ("enviado", AwaitingDelivery),
    ("aguardando a entrega", AwaitingDelivery),
    ("aguardando entrega", AwaitingDelivery),
    ("concluído", Completed),
    ("finalizado", Completed),
    ("cancelado", Closed),
    ("compra cancelada", Closed),
    ("pedido cancelado", Closed),
    ("expirado", Closed),
    ("pagamento expirado", Closed),
    // German ("Abgeschlossen" [V]; others [G])
    ("zu bezahlen", AwaitingPayment),
    ("warten auf zahlung", AwaitingPayment),
    ("in bearbeitung", AwaitingShipment),
    ("warten auf versand", AwaitingShipment),
    ("versandt", AwaitingDelivery),
    ("warten auf lieferung", AwaitingDelivery),
    ("abgeschlossen", Completed),
    ("storniert", Closed),
    ("geschlossen", Closed),
    ("abgelaufen", Closed),
    // Spanish ("Esperando entrega" [V]; others [G])
    ("pendiente de pago", AwaitingPayment),
    ("esperando el pago", AwaitingPayment),
    ("procesando", AwaitingShipment),
    ("esperando envío", AwaitingShipment),
    ("enviado", AwaitingDelivery),
    ("esperando entrega", AwaitingDelivery),
    ("completado", Completed),
    ("finalizado", Completed),
    ("cancelado", Closed),
    ("cerrado", Closed),
    ("caducado", Closed),
    // French [G]
    ("à payer", AwaitingPayment),
    ("en attente de paiement", AwaitingPayment),
    ("en cours de traitement", AwaitingShipment),
    ("en attente d'expédition", AwaitingShipment),
    ("expédié", AwaitingDelivery),
    ("en attente de livraison", AwaitingDelivery),
    ("terminé", Completed),
    ("terminée", Completed),
    ("annulé", Closed),
    ("annulée", Closed),
    ("fermé", Closed),
    ("expiré", Closed),
    // Polish [G]
    ("do zapłaty", AwaitingPayment),
    ("oczekuje na płatność", AwaitingPayment),
    ("w realizacji", AwaitingShipment),
    ("oczekuje na wysyłkę", AwaitingShipment),
    ("wysłane", AwaitingDelivery),
    ("oczekuje na dostawę", AwaitingDelivery),
    ("zakończone", Completed),
    ("anulowane", Closed),
    ("zamknięte", Closed),
    ("wygasłe", Closed),
    // Korean [G]
    ("결제 대기", AwaitingPayment),
    ("결제 대기 중", AwaitingPayment),
    ("처리 중", AwaitingShipment),
    ("배송 대기 중", AwaitingShipment),
    ("배송 중", AwaitingDelivery),
    ("배송 대기", AwaitingDelivery),
    ("완료", Completed),
    ("주문 완료", Completed),
    ("취소됨", Closed),
    ("취소", Closed),
    ("종료됨", Closed),
    ("만료됨", Closed),
    // Italian [G]
    ("da pagare", AwaitingPayment),
    ("in elaborazione", AwaitingShipment),
    ("spedito", AwaitingDelivery),
    ("in attesa di consegna", AwaitingDelivery),
    ("completato", Completed),
    ("annullato", Closed),
];

/// Notes under an order card that mean a refund or a dispute is still open, compared as
/// lower-case substrings. The Korean wording is [V] (`docs/site-facts.md`, "Refund and dispute notes": "waiting for
/// AliExpress feedback"); the English ones are [G] ("Refund in progress" is a guess); the other languages are [G] translations of those. Notes that match none (feedback
/// reminders, "Refund completed") are kept in the backup but block nothing.
pub const OPEN_CASE_NOTES: &[&str] = &[
    // Korean [V]
    "피드백을 기다리는 중",
    "환불 진행",
    // English [G]
    "refund in progress",
    "refund requested",
    "refund processing",
    "dispute in progress",
    "dispute opened",
    "dispute open",
    "waiting for aliexpress",
    "awaiting aliexpress",
    "awaiting seller response",
    // Portuguese (Brazil) [G]
    "reembolso em andamento",
    "reembolso solicitado",
    "disputa em andamento",
    "disputa aberta",
    // German [G]
    "erstattung läuft",
    "erstattung beantragt",
    "streitfall offen",
    "streitfall läuft",
    // Spanish [G]
    "reembolso en curso",
    "reembolso solicitado",
    "disputa en curso",
    "disputa abierta",
    // French [G]
    "remboursement en cours",
    "remboursement demandé",
    "litige en cours",
    "litige ouvert",
    // Polish [G]
    "zwrot w toku",
    "zwrot pieniędzy w toku",
    "spór w toku",
    "spór otwarty",
    // Russian [G]
    "возврат в процессе",
    "возврат средств в процессе",
    "спор открыт",
    "открыт спор",
];

/// Whether a note under an order card says a refund or dispute is still open.
///
/// ```
/// use exit_assistant::core::status::is_open_case_note;
/// assert!(is_open_case_note("Refund in progress: US $3.20"));
/// assert!(is_open_case_note("AliExpress의 피드백을 기다리는 중입니다."));
/// assert!(!is_open_case_note("Refund completed"));
/// ```
pub fn is_open_case_note(note: &str) -> bool {
    let normal = lower(&note.split_whitespace().collect::<Vec<_>>().join(" "));
    OPEN_CASE_NOTES.iter().any(|n| normal.contains(n))
}

/// Classifies a status as shown.
///
/// ```
/// use exit_assistant::core::status::{classify_status, OrderState};
/// assert_eq!(classify_status("Awaiting delivery"), OrderState::AwaitingDelivery);
/// assert_eq!(classify_status("Concluído "), OrderState::Completed);
/// assert_eq!(classify_status("Something new"), OrderState::Unknown);
/// ```
pub fn classify_status(text: &str) -> OrderState {
    let normal = lower(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    STATUS_TEXTS
        .iter()
        .find(|(t, _)| *t == normal)
        .map_or(Unknown, |&(_, state)| state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        for &(text, _) in STATUS_TEXTS {
            assert_eq!(text, text.to_lowercase(), "entries are lower-case");
            assert_eq!(
                text,
                text.split_whitespace().collect::<Vec<_>>().join(" "),
                "single spaces"
            );
        }
        for (i, &(a, sa)) in STATUS_TEXTS.iter().enumerate() {
            for &(b, sb) in &STATUS_TEXTS[i + 1..] {
                assert!(a != b || sa == sb, "{a} maps to two states");
            }
        }
    }

    #[test]
    fn open_case_notes_are_lower_case() {
        for note in OPEN_CASE_NOTES {
            assert_eq!(*note, note.to_lowercase());
        }
        assert!(!is_open_case_note("환불 완료"), "refund complete [V]");
        assert!(!is_open_case_note("고급 환불 완료"));
        assert!(is_open_case_note("Dispute in progress"));
    }

    #[test]
    fn classifies_verified_wordings() {
        let cases = [
            ("To pay", AwaitingPayment),
            ("Processing", AwaitingShipment),
            ("Processed", Unknown),
            ("Processado", Unknown),
            ("Canceled ", Closed),
            ("Expired", Closed),
            ("취소", Closed),
            ("Awaiting delivery", AwaitingDelivery),
            ("Completed", Completed),
            ("Canceled", Closed),
            ("Payment expired", Closed),
            ("Concluído ", Completed),
            ("Abgeschlossen", Completed),
            ("Esperando entrega", AwaitingDelivery),
            ("  awaiting   DELIVERY ", AwaitingDelivery),
        ];
        for (text, want) in cases {
            assert_eq!(classify_status(text), want, "{text}");
        }
    }
}
