package io.hybridmatch.engine.security;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.security.ApiKeyAuthentication;
import io.hybridmatch.security.Caller;
import io.hybridmatch.security.CrossTenantException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The tenant comes from the credential, not from the request: a key bound to tenant A that names tenant B (in
 * filters, an inline document or a stored document it refers to) gets a {@link CrossTenantException}; one that
 * names none is confined to A. Keys without a tenant may name any tenant, or none (all tenants).
 */
@Component
public class TenantGuard {

    private final ElasticsearchClient es;

    public TenantGuard(ElasticsearchClient es) {
        this.es = es;
    }

    /** The tenant the request is confined to: the key's own, or for an all-tenant key the requested one (may be null). */
    public String confine(String requestedTenant) {
        Caller caller = caller();
        if (caller.allTenants()) {
            return requestedTenant;
        }
        if (requestedTenant != null && !requestedTenant.equals(caller.tenant())) {
            throw crossing(caller, "the request names tenant '" + requestedTenant + "'");
        }
        return caller.tenant();
    }

    /** An inline document without a tenant is the caller's own; one naming another tenant is refused. */
    public void checkInline(Map<String, Object> document) {
        Object tenant = document.get("tenant_id");
        if (tenant != null) {
            confine(tenant.toString());
        }
    }

    /**
     * An indexed document must belong to the key's tenant (one without a tenant belongs to none). A missing
     * document passes: the caller then gets the same 404 as anyone.
     */
    public void checkIndexed(SearchIndex index, long id) {
        Caller caller = caller();
        if (caller.allTenants()) {
            return;
        }
        GetResponse<Map> stored;
        try {
            stored = es.get(g -> g.index(index.alias()).id(Long.toString(id)).sourceIncludes("tenant_id"), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!stored.found()) {
            return;
        }
        Object tenant = stored.source() == null ? null : stored.source().get("tenant_id");
        if (!Objects.equals(caller.tenant(), tenant == null ? null : tenant.toString())) {
            // never says whose it is: the owner of another tenant's document is none of the caller's business
            throw crossing(caller, index.alias() + " " + id + " is not one of its documents");
        }
    }

    private static CrossTenantException crossing(Caller caller, String what) {
        return new CrossTenantException("API key '" + caller.keyName() + "' is bound to tenant '" + caller.tenant()
                + "'; " + what);
    }

    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiKeyAuthentication key && key.caller() != null) {
            return key.caller();
        }
        // the endpoint policy lets no request without a key reach a confined endpoint
        throw new AccessDeniedException("no API key on a tenant-confined endpoint");
    }
}
