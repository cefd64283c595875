package org.outagedesk.credits.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.Money;
import org.outagedesk.credits.CampaignDetails;
import org.outagedesk.credits.CampaignDryRun;
import org.outagedesk.credits.CampaignService;
import org.outagedesk.credits.NewCampaign;
import org.outagedesk.credits.TierRules;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Credit campaigns on the API. Roles are checked by {@link CampaignService} (incident managers; executives read). */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Credit campaigns", description = "Credit many subscribers of an incident in tiers: create, dry run,"
        + " submit, approve (a second incident manager), progress, top-up, reverse")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    record RulesRequest(@Nullable List<String> statuses, @Nullable List<String> categories, @Nullable Boolean dataPlan,
            @Nullable List<String> skus, @Nullable List<String> regions) {
    }

    record TierRequest(@Nullable String name, @Nullable RulesRequest rules, @Nullable String reasonCode,
            @Nullable Money amount) {
    }

    record CampaignRequest(@Nullable Long incidentId, @Nullable String name, @Nullable List<TierRequest> tiers) {
    }

    record AmountRequest(@Nullable Money amount) {
    }

    record ReasonRequest(@Nullable String reason) {
    }

    @PostMapping("/api/campaigns")
    @Operation(summary = "Create a campaign in DRAFT (incident managers)", description = "Each tier has rules over"
            + " impacts (statuses, categories: any of them lost, dataPlan, skus, regions; an absent rule matches all),"
            + " a reason code and an amount.")
    ResponseEntity<CampaignDetails> create(@RequestBody CampaignRequest body) {
        List<NewCampaign.Tier> tiers = body.tiers() == null ? null : new ArrayList<>();
        if (body.tiers() != null) {
            for (int k = 0; k < body.tiers().size(); k++) {
                TierRequest t = body.tiers().get(k);
                tiers.add(t == null ? null : new NewCampaign.Tier(t.name(), rules(t.rules(), "tiers[" + k + "].rules"),
                        t.reasonCode(), Dollars.of(t.amount(), "tiers[" + k + "].amount")));
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(campaigns.create(new NewCampaign(body.incidentId(), body.name(), tiers)));
    }

    @GetMapping("/api/campaigns")
    @Operation(summary = "The campaigns of an incident, or of every incident without incidentId, newest first"
            + " (incident managers, executives)", description = "A short list (a few campaigns per incident): not a"
            + " page.")
    List<CampaignDetails> ofIncident(@RequestParam(required = false) @Nullable Long incidentId) {
        return campaigns.ofIncident(incidentId);
    }

    @PostMapping("/api/campaigns/{id}/dry-run")
    @Operation(summary = "What the campaign would pay now, per tier and in all; writes nothing (incident managers)")
    CampaignDryRun dryRun(@PathVariable long id) {
        return campaigns.dryRun(id);
    }

    @PostMapping("/api/campaigns/{id}/submit")
    @Operation(summary = "Submit a draft campaign for approval (incident managers)")
    CampaignDetails submit(@PathVariable long id) {
        return campaigns.submit(id);
    }

    @PostMapping("/api/campaigns/{id}/approve")
    @Operation(summary = "Approve a submitted campaign and start it in the background (an incident manager other"
            + " than its author)")
    CampaignDetails approve(@PathVariable long id) {
        return campaigns.approve(id);
    }

    @PostMapping("/api/campaigns/{id}/reject")
    @Operation(summary = "Reject a submitted campaign with a reason (an incident manager other than its author)")
    CampaignDetails reject(@PathVariable long id, @RequestBody ReasonRequest body) {
        return campaigns.reject(id, body.reason());
    }

    @PostMapping("/api/campaigns/{id}/resume")
    @Operation(summary = "Start an unfinished campaign job again (after an error); nothing is paid twice")
    CampaignDetails resume(@PathVariable long id) {
        return campaigns.resume(id);
    }

    @GetMapping("/api/campaigns/{id}")
    @Operation(summary = "A campaign: status, progress of its job, tiers and what they paid (incident managers,"
            + " executives)")
    CampaignDetails get(@PathVariable long id) {
        return campaigns.get(id);
    }

    @PostMapping("/api/campaigns/{id}/tiers/{tier}/top-up")
    @Operation(summary = "Raise a tier's amount after the run; the difference goes to those it credited (incident"
            + " managers)")
    CampaignDetails topUp(@PathVariable long id, @PathVariable int tier, @RequestBody AmountRequest body) {
        return campaigns.topUp(id, tier, Dollars.of(body.amount(), "amount"));
    }

    @PostMapping("/api/campaigns/{id}/reverse")
    @Operation(summary = "Reverse every credit of a completed campaign with a reason (incident managers)")
    CampaignDetails reverse(@PathVariable long id, @RequestBody ReasonRequest body) {
        return campaigns.reverse(id, body.reason());
    }

    static @Nullable TierRules rules(@Nullable RulesRequest r, String at) {
        if (r == null) {
            return null;
        }
        Set<DataLossStatus> statuses = null;
        if (r.statuses() != null && !r.statuses().isEmpty()) {
            statuses = EnumSet.noneOf(DataLossStatus.class);
            for (String s : r.statuses()) {
                DataLossStatus parsed = DataLossStatus.parseOrNull(s);
                if (parsed == null) {
                    throw new DomainException(at + ".statuses", "'" + s + "' is not one of "
                            + List.of(DataLossStatus.values()));
                }
                statuses.add(parsed);
            }
        }
        Set<DataCategory> categories = null;
        if (r.categories() != null && !r.categories().isEmpty()) {
            categories = EnumSet.noneOf(DataCategory.class);
            for (String c : r.categories()) {
                DataCategory parsed = c == null ? null : DataCategory.parseOrNull(c);
                if (parsed == null) {
                    throw new DomainException(at + ".categories", "'" + c + "' is not one of "
                            + List.of(DataCategory.values()));
                }
                categories.add(parsed);
            }
        }
        return new TierRules(statuses, categories, r.dataPlan(), set(r.skus()), set(r.regions()));
    }

    private static @Nullable Set<String> set(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        Set<String> set = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                set.add(v.strip());
            }
        }
        return set.isEmpty() ? null : set;
    }
}
