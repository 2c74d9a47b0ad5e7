package io.hybridmatch.engine.backup;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /admin/backups} takes a backup of both stores while serving; {@code GET} lists the finished ones. */
@RestController
@RequestMapping("/admin/backups")
public class BackupController {

    /** @param name the backup's name ({@code [a-z0-9][a-z0-9_-]*}); a UTC timestamp when absent */
    public record BackupRequest(String name) {
    }

    private final Backups backups;

    public BackupController(Backups backups) {
        this.backups = backups;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public BackupManifest create(@Valid @RequestBody(required = false) BackupRequest request) {
        return backups.create(request == null ? null : request.name());
    }

    @GetMapping
    public List<BackupManifest> list() {
        return backups.list();
    }
}
