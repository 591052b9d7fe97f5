package org.capacityhub.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the REST API ({@code /v3/api-docs}, browsable at {@code /api-docs}). */
@Configuration
class OpenApiConfig {

    static final String BEARER = "personalAccessToken";
    static final String BASIC = "basic";

    @Bean
    OpenAPI capacityHubOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Capacity Hub API").version("v1")
                        .description("REST API of Capacity Hub. Scripts authenticate with a personal access token "
                                + "(Authorization: Bearer chub_…), created on the profile page or with "
                                + "POST /api/v1/tokens and HTTP Basic credentials. Errors are RFC 9457 problem "
                                + "documents (application/problem+json).")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Personal access token (chub_…)"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Username and password: only to create a token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
