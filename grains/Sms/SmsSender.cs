using Microsoft.Extensions.Logging;

namespace HomeService.Sms;

/// <summary>
/// Drains the SMS half of the outbox, at least once, with the outbox id as each message's out id, or a group notice
/// batch's out id (<see cref="SmsBatching"/>), written on its rows before the request. A row claimed again
/// after an attempt with no recorded answer (still in flight) is first looked up at the providers by that out id, so a sender that died
/// between the provider's answer and writing it down never makes the phone ring twice. A provider that cannot take a
/// message for reasons not the message's own hands it to the failover provider; a message that can never go is
/// dead-lettered with the reason. A resend of a message whose fate stayed unknown keeps away from the provider that lost it.
/// </summary>
public sealed class SmsSender(SmsOutboxStore outbox, IReadOnlyList<ISmsProvider> providers, SmsOptions options, SmsComposer composer,
    TimeProvider clock, ILogger<SmsSender> logger)
{
    public const int Batch = 100;

    /// <summary>One claim and its sends; returns how many rows it took.</summary>
    public async Task<int> Round(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await outbox.Claim(Batch, now, options.Lease, ct);
        if (due.Count == 0) return 0;
        var ready = await Hold(due, now, ct);
        // An alert that goes carries the ones waiting behind it, unless an earlier attempt may have reached a provider as it was.
        for (var i = 0; i < ready.Count; i++)
            if (!ready[i].Uncertain && SmsDigests.DigestOf(ready[i].Template) is { } digest && await outbox.Merge(ready[i].Id, digest, now, ct) is { } merged)
                ready[i] = ready[i] with { Template = merged.Template, ParamsJson = merged.ParamsJson };
        var split = SmsBatching.Form(ready, providers.Min(p => p.MaxBatch));
        var alone = Task.WhenAll(split.Alone.Select(d => Deliver(d, ct)));
        var batched = Task.WhenAll(split.Batches.Select(b => DeliverBatch(b, ct)));
        var results = (await alone).Concat((await batched).SelectMany(r => r)).ToList();
        var done = clock.GetUtcNow();
        await outbox.MarkSent(results.OfType<Result.Went>().Select(r => r.Sent).ToList(), done, ct);
        await outbox.MarkDead(results.OfType<Result.Failed>().Select(r => r.Dead).ToList(), done, ct);
        foreach (var r in results.OfType<Result.Later>()) await outbox.Retry(r.Id, done + SmsRetryPolicy.Backoff(r.Attempts), r.Error, ct);
        return due.Count;
    }

    /// <summary>
    /// Holds what must wait (quiet hours, a per-number window that is full, the same text sent to the number moments ago)
    /// and returns the rest. Messages in the same round count against each other's windows.
    /// </summary>
    private async Task<List<SmsOutboxStore.Due>> Hold(List<SmsOutboxStore.Due> due, DateTimeOffset now, CancellationToken ct)
    {
        var phones = due.Select(d => d.Phone).OfType<string>().Distinct().ToArray();
        var history = await outbox.History(phones, now - TimeSpan.FromDays(1), now - SmsFlowLimits.SameTextWithin, ct);
        // A number that replied TD hears no marketing or group notice, even one queued before the reply.
        var optedOut = due.Any(d => SmsTemplates.Find(d.Template)?.Urgency == SmsUrgency.Marketing) ? await outbox.OptedOut(phones, ct) : [];
        var (quiet, limits) = (options.QuietHours, options.FlowLimits);
        var ready = new List<SmsOutboxStore.Due>();
        foreach (var d in due.OrderBy(d => d.CreatedAt))
        {
            if (SmsTemplates.Find(d.Template) is not { } template || d.Phone is null)
            {
                ready.Add(d); // dead-lettered with its reason by Deliver
                continue;
            }
            if (template.Urgency == SmsUrgency.Marketing && optedOut.Contains(d.Phone))
            {
                ready.Add(d with { OptedOut = true }); // dead-lettered with its reason by Deliver
                continue;
            }
            var key = (d.Phone, SmsDigests.WindowKind(template.Kind));
            if (!history.Times.TryGetValue(key, out var sent)) history.Times[key] = sent = [];
            if (!history.Texts.TryGetValue(d.Phone, out var texts)) history.Texts[d.Phone] = texts = [];
            var text = SmsComposer.LoggedText(template, composer.Values(d.ParamsJson, d.CategoryName));
            var quietUntil = quiet.HoldUntil(template.Urgency, now);
            var windowUntil = limits.NotBefore(template.Kind, sent, now);
            var sameTextUntil = SmsFlowLimits.SameTextNotBefore(text, texts, now);
            if (quietUntil is null && windowUntil is null && sameTextUntil is null)
            {
                sent.Add(now);
                texts.Add((now, text));
                ready.Add(d);
                continue;
            }
            // The latest of the holds wins, and names itself.
            (DateTimeOffset? At, string Why)[] holds = [(quietUntil, "held: quiet hours"), (windowUntil, "held: per-number limit"), (sameTextUntil, "held: same text lately")];
            var latest = holds.Where(h => h.At is not null).MaxBy(h => h.At!.Value);
            await outbox.Hold(d.Id, latest.At!.Value, latest.Why, ct);
        }
        return ready;
    }

    private abstract record Result
    {
        public sealed record Went(SmsOutboxStore.Sent Sent) : Result;
        public sealed record Failed(SmsOutboxStore.Dead Dead) : Result;
        public sealed record Later(Guid Id, int Attempts, string Error) : Result;
    }

    private async Task<Result> Deliver(SmsOutboxStore.Due due, CancellationToken ct)
    {
        if (SmsTemplates.Find(due.Template) is not { } template)
            return new Result.Failed(new(due.Id, null, due.Phone, null, 0, "template.unknown", $"no SMS wording for '{due.Template}'"));
        if (due.Phone is not { Length: > 0 } phone)
            return new Result.Failed(new(due.Id, null, null, null, 0, "recipient.no-phone", "the recipient has no phone number"));
        if (due.OptedOut)
            return new Result.Failed(new(due.Id, null, phone, null, 0, "recipient.opted-out", "the number replied TD (退订) to marketing and group notices"));

        var values = composer.Values(due.ParamsJson, due.CategoryName);
        var text = template.Render(values);
        var logged = SmsComposer.LoggedText(template, values);
        string? lastError = null;
        if (due.Uncertain && await LookUp(due, phone, template, values, text, logged, ct) is { } known) return known;
        foreach (var provider in providers.Where(p => p.Name != due.AvoidProvider))
        {
            if (options.TemplateCode(provider.Name, template.Kind) is not { } code)
            {
                lastError = $"{provider.Name}: no template code for {template.Kind}";
                continue;
            }
            var message = new SmsOutgoing(due.Id, phone, template, code, values, text);
            var segments = SmsSegments.Count(provider.SignName, text);
            try
            {
                var outcome = await provider.Send(message, ct);
                switch (outcome.Status)
                {
                    case SmsSendStatus.Accepted:
                        return new Result.Went(new(due.Id, provider.Name, outcome.MessageId ?? "", phone, logged, segments));
                    case SmsSendStatus.Refused:
                        return new Result.Failed(new(due.Id, provider.Name, phone, logged, segments, outcome.Code ?? "refused", outcome.Reason));
                    default:
                        lastError = $"{provider.Name}: {outcome.Code} {outcome.Reason}".TrimEnd();
                        break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                lastError = $"{provider.Name}: {e.GetType().Name} {e.Message}";
                logger.LogWarning("SMS {Id} through {Provider} failed: {Error}", due.Id, provider.Name, e.Message);
            }
        }
        return Later(due, phone, logged, lastError ?? "no provider could take it");
    }

    /// <summary>
    /// A group notice's rows as one message to several numbers, per provider request, under one out id written on the
    /// rows first. Each number's outcome is its row's own: a refused number is dead-lettered alone, and the numbers a
    /// provider could not take go to the next provider in one request, or back for a retry.
    /// </summary>
    private async Task<IReadOnlyList<Result>> DeliverBatch(IReadOnlyList<SmsOutboxStore.Due> rows, CancellationToken ct)
    {
        var first = rows[0];
        var template = SmsTemplates.Find(first.Template)!;
        var values = composer.Values(first.ParamsJson, first.CategoryName);
        var text = template.Render(values);
        var logged = SmsComposer.LoggedText(template, values);
        var results = new List<Result>();
        var pending = new List<SmsOutboxStore.Due>();
        foreach (var row in rows)
        {
            if (row.Uncertain && await LookUp(row, row.Phone!, template, values, text, logged, ct) is { } known) results.Add(known);
            else pending.Add(row);
        }
        if (pending.Count == 0) return results;

        var outId = Guid.NewGuid();
        await outbox.StampBatch(outId, pending.Select(r => r.Id).ToList(), ct);
        var errors = new Dictionary<Guid, string>();
        foreach (var provider in providers.Where(p => p.Name != first.AvoidProvider))
        {
            if (pending.Count == 0) break;
            if (options.TemplateCode(provider.Name, template.Kind) is not { } code)
            {
                foreach (var row in pending) errors[row.Id] = $"{provider.Name}: no template code for {template.Kind}";
                continue;
            }
            var segments = SmsSegments.Count(provider.SignName, text);
            try
            {
                var outcomes = await provider.SendBatch(new SmsBatch(outId, pending.Select(r => r.Phone!).ToList(), template, code, values, text), ct);
                var notTaken = new List<SmsOutboxStore.Due>();
                foreach (var (row, outcome) in pending.Zip(outcomes))
                {
                    switch (outcome.Status)
                    {
                        case SmsSendStatus.Accepted:
                            results.Add(new Result.Went(new(row.Id, provider.Name, outcome.MessageId ?? "", row.Phone!, logged, segments, outId)));
                            break;
                        case SmsSendStatus.Refused:
                            results.Add(new Result.Failed(new(row.Id, provider.Name, row.Phone, logged, segments, outcome.Code ?? "refused", outcome.Reason)));
                            break;
                        default:
                            errors[row.Id] = $"{provider.Name}: {outcome.Code} {outcome.Reason}".TrimEnd();
                            notTaken.Add(row);
                            break;
                    }
                }
                pending = notTaken;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                foreach (var row in pending) errors[row.Id] = $"{provider.Name}: {e.GetType().Name} {e.Message}";
                logger.LogWarning("SMS batch {OutId} of {Count} through {Provider} failed: {Error}", outId, pending.Count, provider.Name, e.Message);
            }
        }
        results.AddRange(pending.Select(r => Later(r, r.Phone!, logged, errors.GetValueOrDefault(r.Id) ?? "no provider could take it")));
        return results;
    }

    /// <summary>
    /// The earlier attempt's sender died before writing an answer, so any provider may have the message (under the row's
    /// own out id, or its batch's and its number): ask them all before sending anywhere, and send nowhere while one of
    /// them cannot say. Null when none has it.
    /// </summary>
    private async Task<Result?> LookUp(SmsOutboxStore.Due due, string phone, SmsTemplate template, IReadOnlyDictionary<string, string> values,
        string text, string logged, CancellationToken ct)
    {
        foreach (var provider in providers)
        {
            if (options.TemplateCode(provider.Name, template.Kind) is not { } code) continue;
            try
            {
                if (await provider.FindSent(new SmsOutgoing(due.OutId, phone, template, code, values, text), due.CreatedAt, ct) is { } already)
                    return new Result.Went(new(due.Id, provider.Name, already, phone, logged, SmsSegments.Count(provider.SignName, text), due.BatchOutId));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                return Later(due, phone, logged, $"{provider.Name}: could not look up an earlier attempt: {e.Message}");
            }
        }
        return null;
    }

    private Result Later(SmsOutboxStore.Due due, string phone, string logged, string error) =>
        SmsRetryPolicy.Exhausted(due.Attempts, options.MaxAttempts)
            ? new Result.Failed(new(due.Id, null, phone, logged, 0, "retries.exhausted", error))
            : new Result.Later(due.Id, due.Attempts, error);
}
