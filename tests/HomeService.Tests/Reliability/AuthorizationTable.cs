namespace HomeService.Tests.Reliability;

/// <summary>
/// Who may call what, written down by hand from the design (DESIGN.md "Who uses it" and "Auth"), not read from the code.
/// Columns, in order: anonymous, resident, agent, supervisor, admin, merchant (merchant1), worker (worker1), partner key,
/// telephony key. '+' allow: anything but 401/403 (and, for pages, anything but a redirect to sign in or "denied").
/// '-' deny: 401 or 403 (pages: that redirect). Paths without "/api" are pages; "silo:" is the silo's own web server.
/// </summary>
public static class AuthorizationTable
{
    public static readonly Caller[] Columns =
    [
        Caller.Anonymous, Caller.Resident, Caller.Agent, Caller.Supervisor, Caller.Admin, Caller.Merchant1, Caller.Worker,
        Caller.PartnerKey, Caller.TelephonyKey,
    ];

    public sealed record Row(string Method, string Path, string Cells)
    {
        public string Key => $"{Method} {Path}";
        public bool IsApi => Path.StartsWith("/api/");
        public bool Allows(Caller caller) => Cells.Replace(" ", "")[Array.IndexOf(Columns, caller)] == '+';
    }

    // People sign in through a cookie, machines through a key; neither gets in through the other's door.
    private const string Everyone    = "+ + + + + + + + +";
    private const string People      = "- + + + + + + - -";
    private const string CallCenter  = "- - + + + - - - -";
    private const string Supervisors = "- - - + + - - - -";
    private const string Admins      = "- - - - + - - - -";
    private const string Merchants   = "- - - - - + - - -";
    private const string Workers     = "- - - - - - + - -";
    private const string Residents   = "- + - - - - - - -";
    private const string Partners    = "- - - - - - - + -";
    private const string Telephony   = "- - - - - - - - +";
    private const string Keys        = "- - - - - - - + +";
    // The console acts on the signed-in agent's own seat; an admin may open the page but has no seat to act on.
    private const string Seat        = "- - + - - - - - -";
    private const string ConsolePage = "- - + - + - - - -";
    // The supervisor seat's actions and page: the Supervisor role itself (an admin has no seat at the switch).
    private const string SupervisorSeat = "- - - + - - - - -";

    public static readonly Row[] Rows =
    [
        new("POST", "/api/session", Everyone),
        new("DELETE", "/api/session", People),
        new("GET", "/api/me", People),
        new("GET", "/api/catalogue", Everyone),
        new("PUT", "/api/admin/catalogue/{code}/terms", Admins),
        new("POST", "/api/merchant-applications", Everyone),
        new("POST", "/api/merchant-applications/documents", Everyone),
        new("GET", "/api/admin/merchants", Admins),
        new("GET", "/api/admin/merchants/{merchantId}/history", Admins),
        new("POST", "/api/admin/merchants/{merchantId}/review", Admins),
        new("POST", "/api/admin/merchants/{merchantId}/list", Admins),
        new("POST", "/api/admin/workers/{workerId}/list", Admins),
        new("POST", "/api/admin/merchants/{merchantId}/suspension", Admins),
        new("GET", "/api/merchant/credit", Merchants),
        new("GET", "/api/merchants/all", CallCenter),
        new("GET", "/api/callbacks/{callId}", Everyone),
        new("POST", "/api/merchant/credit/appeals", Merchants),
        new("GET", "/api/admin/credit/merchants/{merchantId}", Admins),
        new("POST", "/api/admin/credit/appeals/decision", Admins),
        new("GET", "/api/merchants", Everyone),
        new("GET", "/api/merchant/profile", Merchants),
        new("PUT", "/api/merchant/profile", Merchants),
        new("GET", "/api/merchant/notifications", Merchants),
        new("POST", "/api/merchant/notifications/read", Merchants),
        new("GET", "/api/merchant/workers", Merchants),
        new("POST", "/api/merchant/workers", Merchants),
        new("PUT", "/api/merchant/workers/{workerId}", Merchants),
        new("POST", "/api/merchant/workers/{workerId}/deactivate", Merchants),
        new("GET", "/api/merchant/workers/{workerId}/profile", Merchants),
        new("PUT", "/api/merchant/workers/{workerId}/credentials", Merchants),
        new("POST", "/api/merchant/workers/{workerId}/code", Merchants),
        new("DELETE", "/api/merchant/workers/{workerId}/code", Merchants),
        new("GET", "/api/merchant/workers/{workerId}/code.png", Merchants),
        new("POST", "/api/merchant/workers/{workerId}/photo", Merchants),
        new("GET", "/api/merchant/workers/{workerId}/photo", Merchants),
        new("GET", "/api/keys/whoami", Keys),
        new("GET", "/api/admin/articles", Admins),
        new("POST", "/api/admin/articles", Admins),
        new("GET", "/api/admin/articles/{articleId}", Admins),
        new("PUT", "/api/admin/articles/{articleId}", Admins),
        new("POST", "/api/admin/articles/{articleId}/publish", Admins),
        new("POST", "/api/admin/articles/{articleId}/unpublish", Admins),

        new("GET", "/api/broadcasts", CallCenter),
        new("POST", "/api/broadcasts", Supervisors),
        new("DELETE", "/api/broadcasts/{id}", Supervisors),
        new("GET", "/api/queues", CallCenter),
        new("PUT", "/api/queues/{queueId}", Supervisors),
        // IVR flows: supervisors read what callers hear; only admins change the center's menus.
        new("GET", "/api/ivr/flows", Supervisors),
        new("GET", "/api/ivr/flows/{dialled}", Supervisors),
        new("PUT", "/api/ivr/flows/{dialled}", Admins),
        new("GET", "/api/calls/{callId}", Supervisors),
        new("GET", "/api/calls/{callId}/routing", Supervisors),
        new("GET", "/api/recordings", CallCenter),
        new("GET", "/api/recordings/{callId}/play", CallCenter),
        new("PUT", "/api/queues/{queueId}/recording", Supervisors),
        new("GET", "/api/campaigns", Supervisors),
        new("POST", "/api/campaigns", Supervisors),
        new("GET", "/api/campaigns/{campaignId}", Supervisors),
        new("POST", "/api/campaigns/{campaignId}/start", Supervisors),
        new("POST", "/api/campaigns/{campaignId}/pause", Supervisors),

        new("POST", "/api/cti/calls", Telephony),
        new("POST", "/api/cti/calls/{callId}/dtmf", Telephony),
        new("POST", "/api/cti/calls/{callId}/answered", Telephony),
        new("POST", "/api/cti/calls/{callId}/hangup", Telephony),
        new("POST", "/api/cti/calls/{callId}/recording", Telephony),

        new("GET", "/api/console", Seat),
        new("POST", "/api/console/login", Seat),
        new("POST", "/api/console/logout", Seat),
        new("POST", "/api/console/ready", Seat),
        new("POST", "/api/console/not-ready", Seat),
        new("POST", "/api/console/end-wrap-up", Seat),
        new("POST", "/api/console/heartbeat", Seat),
        new("GET", "/api/console/calls/today", Seat),
        new("POST", "/api/console/calls/{callId}/accept", Seat),
        new("POST", "/api/console/calls/{callId}/reject", Seat),
        new("POST", "/api/console/calls/{callId}/hold", Seat),
        new("POST", "/api/console/calls/{callId}/unhold", Seat),
        new("POST", "/api/console/calls/{callId}/hangup", Seat),
        new("POST", "/api/console/calls/{callId}/pickup", Seat),
        new("POST", "/api/console/calls/{callId}/consult", Seat),
        new("POST", "/api/console/calls/{callId}/complete-transfer", Seat),
        new("POST", "/api/console/calls/{callId}/cancel-consult", Seat),
        new("POST", "/api/console/calls/{callId}/transfer", Seat),
        new("GET", "/api/console/calls/{callId}/parties", Seat),
        new("POST", "/api/console/calls/{callId}/parties", Seat),
        new("POST", "/api/console/calls/{callId}/parties/merge", Seat),
        new("POST", "/api/console/calls/{callId}/parties/leave", Seat),
        new("DELETE", "/api/console/calls/{callId}/parties/{partyId}", Seat),
        new("GET", "/api/supervisor/board", SupervisorSeat),
        new("POST", "/api/supervisor/calls/{callId}/monitor", SupervisorSeat),
        new("POST", "/api/supervisor/calls/{callId}/leave", SupervisorSeat),
        new("POST", "/api/supervisor/calls/{callId}/release", SupervisorSeat),
        new("POST", "/api/supervisor/agents/{agentId}/state", SupervisorSeat),
        new("GET", "/api/supervisor/audit", Supervisors),
        new("POST", "/api/console/outbound", Seat),

        new("POST", "/api/orders", CallCenter),
        new("GET", "/api/orders", CallCenter),
        new("GET", "/api/orders/export.csv", CallCenter),
        new("GET", "/api/orders/duplicates", CallCenter),
        new("GET", "/api/orders/{orderNo}", CallCenter),
        new("GET", "/api/orders/{orderNo}/history", CallCenter),
        new("GET", "/api/orders/{orderNo}/dispatch", CallCenter),
        new("POST", "/api/orders/{orderNo}/dispatch", CallCenter),
        new("POST", "/api/orders/{orderNo}/cancel", CallCenter),
        new("POST", "/api/orders/{orderNo}/hold", CallCenter),
        new("POST", "/api/orders/{orderNo}/follow-up", CallCenter),
        new("POST", "/api/orders/{orderNo}/resume", CallCenter),
        new("POST", "/api/orders/{orderNo}/reschedule", CallCenter),
        new("POST", "/api/orders/{orderNo}/cannot-complete", CallCenter),
        new("POST", "/api/orders/{orderNo}/close", CallCenter),
        new("GET", "/api/follow-ups", CallCenter),

        new("POST", "/api/complaints", CallCenter),
        new("POST", "/api/consultations", CallCenter),
        new("POST", "/api/suggestions", CallCenter),
        new("POST", "/api/orders/{orderNo}/assign", CallCenter),
        new("POST", "/api/orders/{orderNo}/respond", CallCenter),
        new("POST", "/api/orders/{orderNo}/verdict", Supervisors),
        new("POST", "/api/orders/{orderNo}/complainant-follow-up", CallCenter),
        new("POST", "/api/orders/{orderNo}/answer", CallCenter),
        new("POST", "/api/orders/{orderNo}/forward", CallCenter),
        new("POST", "/api/orders/{orderNo}/reply", CallCenter),
        new("POST", "/api/orders/{orderNo}/send-reply", CallCenter),

        new("GET", "/api/work-queues/manual-dispatch", CallCenter),
        new("GET", "/api/work-queues/manual-dispatch/{orderNo}/merchants", CallCenter),
        new("GET", "/api/work-queues/follow-ups", CallCenter),
        new("GET", "/api/work-queues/complaints", CallCenter),
        new("GET", "/api/work-queues/merchants", CallCenter),
        new("GET", "/api/stats/orders", Supervisors),
        new("GET", "/api/stats/orders.csv", Supervisors),
        new("GET", "/api/reports/calls", Supervisors),
        new("GET", "/api/kpis/live", Supervisors),
        new("GET", "/api/kpis/live/report", Supervisors),
        new("PUT", "/api/kpis/service-levels/{queueId}", Supervisors),

        new("GET", "/api/merchant/orders", Merchants),
        new("GET", "/api/merchant/orders/report", Merchants),
        new("POST", "/api/merchant/orders/{orderNo}/accept", Merchants),
        new("POST", "/api/merchant/orders/{orderNo}/refuse", Merchants),
        new("POST", "/api/merchant/orders/{orderNo}/assign", Merchants),
        new("POST", "/api/merchant/orders/{orderNo}/cancel", Merchants),
        new("POST", "/api/merchant/orders/{orderNo}/respond", Merchants),
        new("GET", "/api/merchant/workers/{workerId}", Merchants),
        new("POST", "/api/merchant/workers/{workerId}/status", Merchants),

        new("GET", "/api/worker/jobs", Workers),
        new("POST", "/api/worker/jobs/{orderNo}/en-route", Workers),
        new("POST", "/api/worker/jobs/{orderNo}/check-in", Workers),
        new("POST", "/api/worker/jobs/{orderNo}/check-out", Workers),
        new("POST", "/api/worker/jobs/{orderNo}/cannot-complete", Workers),

        new("POST", "/api/member/orders/{orderNo}/rating", Residents),
        new("POST", "/api/member/orders/{orderNo}/rating/photos", Residents),
        new("GET", "/api/member/orders", Residents),
        new("GET", "/api/member/orders/{orderNo}", Residents),
        new("POST", "/api/member/orders/{orderNo}/cancel", Residents),
        new("POST", "/api/member/orders/{orderNo}/reschedule", Residents),
        new("GET", "/api/member/notifications", Residents),
        new("POST", "/api/member/notifications/read", Residents),
        new("POST", "/api/member/verification-codes", Everyone),
        new("POST", "/api/member/register", Everyone),
        new("POST", "/api/member/password-reset", Everyone),
        new("GET", "/api/member/profile", Residents),
        new("PUT", "/api/member/profile", Residents),

        new("POST", "/api/partner/orders", Partners),
        new("GET", "/api/partner/orders", Partners),
        new("GET", "/api/partner/orders/{orderNo}", Partners),
        new("POST", "/api/partner/orders/{orderNo}/cancel", Partners),
        new("POST", "/api/partner/webhooks", Partners),
        new("GET", "/api/partner/webhooks", Partners),
        new("DELETE", "/api/partner/webhooks/{id}", Partners),

        // Back office: 服务目录 (the catalogue, and the city's districts and streets that forms offer to everyone).
        new("GET", "/api/places", Everyone),
        new("GET", "/api/admin/catalogue", Admins),
        new("GET", "/api/admin/catalogue/{code}", Admins),
        new("POST", "/api/admin/catalogue", Admins),
        new("PUT", "/api/admin/catalogue/{code}", Admins),
        new("POST", "/api/admin/catalogue/{code}/retire", Admins),
        new("POST", "/api/admin/catalogue/{code}/reinstate", Admins),
        new("GET", "/api/admin/places", Admins),
        new("POST", "/api/admin/places/districts", Admins),
        new("PUT", "/api/admin/places/districts/{district}", Admins),
        new("POST", "/api/admin/places/districts/{district}/retire", Admins),
        new("POST", "/api/admin/places/districts/{district}/reinstate", Admins),
        new("POST", "/api/admin/places/districts/{district}/streets", Admins),
        new("PUT", "/api/admin/places/streets/{street}", Admins),
        new("POST", "/api/admin/places/streets/{street}/retire", Admins),
        new("POST", "/api/admin/places/streets/{street}/reinstate", Admins),
        new("GET", "/admin/catalogue", Admins),
        new("GET", "/admin/catalogue/places", Admins),

        new("GET", "/", Everyone),
        new("GET", "/login", Everyone),
        new("GET", "/join", Everyone),
        new("GET", "/services", Everyone),
        new("GET", "/services/{category}", Everyone),
        new("GET", "/merchants", Everyone),
        new("GET", "/order", Everyone),
        new("GET", "/ask", Everyone),
        new("GET", "/callback", Everyone),
        new("GET", "/merchants/{id}", Everyone),
        // A review's photo is public; an upload no review lists answers 404 to everyone alike.
        new("GET", "/reviews/photos/{fileId}", Everyone),
        new("GET", "/search?q=%E4%BF%9D%E6%B4%81", Everyone),
        new("GET", "/console", ConsolePage),
        new("GET", "/wallboard", Supervisors),
        new("GET", "/supervisor", SupervisorSeat),
        new("GET", "/recordings", CallCenter),
        new("GET", "/reports/calls", Supervisors),
        new("GET", "/campaigns", Supervisors),
        new("GET", "/campaigns/{campaignId}", Supervisors),
        new("GET", "/admin", Admins),
        new("GET", "/merchant", Merchants),
        new("GET", "/worker", Workers),
        new("GET", "/w/{token}", Everyone),
        new("GET", "/news", Everyone),
        new("GET", "/news/{id}", Everyone),
        new("GET", "/faq", Everyone),
        new("GET", "/member", Residents),
        new("GET", "/member/register", Everyone),
        new("GET", "/member/reset", Everyone),
        new("POST", "/hubs/live/negotiate?negotiateVersion=1", People),
        new("GET", "silo:/dashboard/", Admins),
    ];
}
