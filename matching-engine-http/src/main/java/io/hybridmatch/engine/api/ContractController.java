package io.hybridmatch.engine.api;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the OpenAPI document from the shared contracts module, so the service and the Python side read one file. */
@RestController
public class ContractController {

    public static final String OPENAPI_RESOURCE = "contracts/openapi/matching-engine.yaml";

    @GetMapping("/openapi.yaml")
    public ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/yaml"))
                .body(new ClassPathResource(OPENAPI_RESOURCE));
    }
}
