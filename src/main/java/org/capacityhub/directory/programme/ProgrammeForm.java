package org.capacityhub.directory.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** The programme form of the pages. */
public class ProgrammeForm {

    private String name;
    private String funder;
    private String description;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;
    private List<String> countries = new ArrayList<>();
    private Long version;

    static ProgrammeForm of(Programme p) {
        ProgrammeForm form = new ProgrammeForm();
        form.name = p.getName();
        form.funder = p.getFunder();
        form.description = p.getDescription();
        form.startsOn = p.getStartsOn();
        form.endsOn = p.getEndsOn();
        form.countries = new ArrayList<>(p.getCountries());
        form.version = p.getVersion();
        return form;
    }

    ProgrammeService.Command command() {
        return new ProgrammeService.Command(name, funder, description, startsOn, endsOn, countries);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getFunder() { return funder; }
    public void setFunder(String funder) { this.funder = funder; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public List<String> getCountries() { return countries; }
    public void setCountries(List<String> countries) { this.countries = countries == null ? new ArrayList<>() : countries; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
