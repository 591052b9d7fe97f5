package org.capacityhub.library.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A published version of a resource, kept when a new version is made (with its file, which stays stored). */
@Entity
@Table(name = "library_resource_version")
public class ResourceVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "resource_id", nullable = false)
    private long resourceId;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private String title;

    private String summary;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "file_storage")
    private String fileStorage;

    @Column(name = "file_sha256")
    private String fileSha256;

    /** The type detected at upload (null for versions published before it was recorded). */
    @Column(name = "file_type")
    private String fileType;

    @Column(name = "file_size")
    private Long fileSize;

    private String note;

    @Column(name = "published_by_person", nullable = false)
    private long publishedByPerson;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected ResourceVersion() {}

    public ResourceVersion(Resource resource, long publishedByPerson, Instant now) {
        this.resourceId = resource.getId();
        this.number = resource.getVersionNumber();
        this.title = resource.getTitle();
        this.summary = resource.getSummary();
        this.fileName = resource.getFileName();
        this.fileStorage = resource.getFileStorage();
        this.fileSha256 = resource.getFileSha256();
        this.fileType = resource.getFileType();
        this.fileSize = resource.getFileSize();
        this.publishedByPerson = publishedByPerson;
        this.publishedAt = now;
    }

    public Long getId() { return id; }
    public long getResourceId() { return resourceId; }
    public int getNumber() { return number; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getFileName() { return fileName; }
    public String getFileStorage() { return fileStorage; }
    public String getFileSha256() { return fileSha256; }
    public String getFileType() { return fileType; }
    public Long getFileSize() { return fileSize; }
    public long getPublishedByPerson() { return publishedByPerson; }
    public Instant getPublishedAt() { return publishedAt; }
}
