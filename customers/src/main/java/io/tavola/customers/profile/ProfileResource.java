package io.tavola.customers.profile;

import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.customers.profile.ProfileDtos.ProfileView;
import io.tavola.customers.profile.ProfileDtos.UpdateProfile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A customer's own profile, created on the first call. */
@Path("/api/v1/customers")
@RolesAllowed(Role.CUSTOMER_ROLE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    Caller caller;

    @Inject
    Profiles profiles;

    @GET
    @Path("/me")
    public Uni<ProfileView> me() {
        return profiles.mine(caller.userId()).map(ProfileView::of);
    }

    @PUT
    @Path("/me")
    public Uni<ProfileView> update(@Valid @NotNull UpdateProfile body) {
        return profiles.update(caller.userId(), body).map(ProfileView::of);
    }
}
