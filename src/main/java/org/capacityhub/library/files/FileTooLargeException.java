package org.capacityhub.library.files;

import org.capacityhub.platform.InvalidInputException;

/** A file above the upload limit: a form error in the pages, 413 in the API. */
public class FileTooLargeException extends InvalidInputException {

    public FileTooLargeException(long limitMegabytes) {
        super("file", "library.file.tooLarge", "The file is larger than the limit of " + limitMegabytes + " MB",
                limitMegabytes);
    }
}
